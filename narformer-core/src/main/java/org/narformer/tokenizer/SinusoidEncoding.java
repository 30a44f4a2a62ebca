package org.narformer.tokenizer;

/**
 * The reference's {@code embed_type='trans'} encoding of a scalar ({@code feature/position_encoding.py}, called
 * with 5 frequencies): {@code PE(x) = [sin(x·ω_0), cos(x·ω_0), …, sin(x·ω_4), cos(x·ω_4)]}, {@code ω_j =
 * 10000^(−j/5)}, 10 dims, no π factor. Computed like numpy on float32 inputs: the product {@code x·ω_j} is
 * rounded to float32, and sin/cos are glibc's {@code sinf}/{@code cosf} ({@link Float32Trig}), which numpy calls.
 *
 * <p>A tuple of k values is encoded function-major, as the reference's {@code np.concatenate} over functions
 * does: {@code [sin(ω_0·x_0..k−1), cos(ω_0·x_0..k−1), sin(ω_1·…), …]}, 10·k dims.
 *
 * <p>Integers 0..{@value #CACHED_MAX} are served from a table computed once.
 */
public final class SinusoidEncoding {
    /** Dimensions per scalar. */
    public static final int DIM = 10;
    static final int CACHED_MAX = 4096;

    private static final int FREQS = DIM / 2;
    private static final float[] OMEGA = omegas(FREQS);
    private static final float[] TABLE = new float[(CACHED_MAX + 1) * DIM];

    static {
        for (int v = 0; v <= CACHED_MAX; v++) {
            compute(v, OMEGA, TABLE, v * DIM);
        }
    }

    private SinusoidEncoding() {
    }

    /** {@code PE(x)} as a new 10-element array. */
    public static float[] encode(float x) {
        float[] out = new float[DIM];
        encode(x, out, 0);
        return out;
    }

    /** Writes {@code PE(x)} into {@code out[offset .. offset+10)}. */
    public static void encode(float x, float[] out, int offset) {
        int v = (int) x;
        if (v == x && v >= 0 && v <= CACHED_MAX) {
            System.arraycopy(TABLE, v * DIM, out, offset, DIM);
        } else {
            compute(x, OMEGA, out, offset);
        }
    }

    /** Writes the function-major encoding of {@code xs[0..count)} into {@code out[offset .. offset+10·count)}. */
    public static void encodeTuple(float[] xs, int count, float[] out, int offset) {
        if (count == 1) {
            encode(xs[0], out, offset);
            return;
        }
        float[] one = new float[DIM];
        for (int i = 0; i < count; i++) {
            encode(xs[i], one, 0);
            FunctionMajor.place(one, i, count, out, offset);
        }
    }

    /**
     * The same encoding with {@code frequencies} frequencies, {@code ω_j = 10000^(−j/frequencies)}, into
     * {@code out[offset .. offset+2·frequencies)} (NAR-Former V1's depth token uses 480).
     */
    public static void encode(float x, int frequencies, float[] out, int offset) {
        compute(x, frequencies == FREQS ? OMEGA : omegas(frequencies), out, offset);
    }

    private static float[] omegas(int frequencies) {
        float[] omega = new float[frequencies];
        for (int j = 0; j < frequencies; j++) {
            omega[j] = (float) (1 / Math.pow(10000, (double) j / frequencies));
        }
        return omega;
    }

    private static void compute(float x, float[] omega, float[] out, int offset) {
        for (int j = 0; j < omega.length; j++) {
            float arg = x * omega[j];
            out[offset + 2 * j] = Float32Trig.sin(arg);
            out[offset + 2 * j + 1] = Float32Trig.cos(arg);
        }
    }
}
