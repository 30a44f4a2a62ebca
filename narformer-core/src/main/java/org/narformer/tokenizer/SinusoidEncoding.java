package org.narformer.tokenizer;

/**
 * The reference's {@code embed_type='trans'} encoding of a scalar ({@code feature/position_encoding.py}, called
 * with 5 frequencies): {@code PE(x) = [sin(x·ω_0), cos(x·ω_0), …, sin(x·ω_4), cos(x·ω_4)]}, {@code ω_j =
 * 10000^(−j/5)}, 10 dims, no π factor. Computed like numpy on float32 inputs: the product {@code x·ω_j} is
 * rounded to float32 and sin/cos are glibc's {@code sinf}/{@code cosf} ({@link Float32Trig}), as numpy calls them.
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
    private static final float[] OMEGA = new float[FREQS];
    private static final float[] TABLE = new float[(CACHED_MAX + 1) * DIM];

    static {
        for (int j = 0; j < FREQS; j++) {
            OMEGA[j] = (float) (1 / Math.pow(10000, (double) j / FREQS));
        }
        for (int v = 0; v <= CACHED_MAX; v++) {
            compute(v, TABLE, v * DIM);
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
            compute(x, out, offset);
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
            for (int j = 0; j < FREQS; j++) {
                int sinAt = offset + 2 * j * count + i;
                out[sinAt] = one[2 * j];
                out[sinAt + count] = one[2 * j + 1];
            }
        }
    }

    private static void compute(float x, float[] out, int offset) {
        for (int j = 0; j < FREQS; j++) {
            float arg = x * OMEGA[j];
            out[offset + 2 * j] = Float32Trig.sin(arg);
            out[offset + 2 * j + 1] = Float32Trig.cos(arg);
        }
    }
}
