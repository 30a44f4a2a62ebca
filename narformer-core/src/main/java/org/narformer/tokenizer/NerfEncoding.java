package org.narformer.tokenizer;

/**
 * The "nerf" sinusoidal encoding of a scalar that both NAR-Former papers use for cells
 * ({@code embed_type='nerf'}, {@code log_sampling=False}): for K frequencies f_k linearly spaced from 1 to
 * 2^(K−1), {@code PE(x) = [sin(π f_0 x), cos(π f_0 x), sin(π f_1 x), …]}, 2K values.
 *
 * <p>Computed in float32 exactly as the reference does: the argument is {@code fl32(fl32(x·fl32(π))·f_k)} with
 * f_k as a float32, then a float32 sine and cosine. The frequencies above 2^20 make every component with k ≥ 1
 * depend on the last bit of its argument, so both the frequency table and the sine matter:
 * <ul>
 *   <li>{@link #numpy(int)} (NAR-Former V2): {@code np.linspace} in float64, rounded to float32 by the product
 *   under numpy-1.x casting; numpy's float32 sine and cosine, i.e. glibc's ({@link Float32Trig}). Checked bit for
 *   bit against the official code under numpy 1.24 for x in −1..10 (beyond that numpy's own SIMD sine for
 *   small arguments can differ in the last bit of the k = 0 sine).</li>
 *   <li>{@link #torch(int)} (NAR-Former V1): {@code torch.linspace} in float32, whose vectorized CPU kernel rounds
 *   differently (the values torch 1.13.1 produces on x86-64); torch's sine and cosine, i.e. SLEEF's
 *   ({@link SleefTrig}).</li>
 * </ul>
 * Shapes: {@link #encode(double, float[], int)} writes {@code [2K]} values.
 */
public final class NerfEncoding {
    private static final float PI = (float) Math.PI;
    /** {@code torch.linspace(1, 2**31, 32)} as float32 bits (torch 1.13.1, x86-64 AVX2). */
    private static final int[] TORCH_32 = {
        0x3f800000, 0x4c842108, 0x4d042108, 0x4d46318c, 0x4d842108, 0x4da5294a, 0x4dc6318c, 0x4de739ce,
        0x4e042108, 0x4e14a529, 0x4e25294a, 0x4e35ad6b, 0x4e46318c, 0x4e56b5ad, 0x4e6739ce, 0x4e77bdef,
        0x4e842108, 0x4e8c6318, 0x4e94a529, 0x4e9ce73a, 0x4ea5294a, 0x4ead6b5a, 0x4eb5ad6b, 0x4ebdef7c,
        0x4ec6318c, 0x4ece739c, 0x4ed6b5ad, 0x4edef7be, 0x4ee739ce, 0x4eef7bde, 0x4ef7bdef, 0x4f000000};
    /** {@code torch.linspace(1, 2**95, 96)} as float32 bits (torch 1.13.1, x86-64 AVX2): the V1 depth token. */
    private static final int[] TORCH_96 = {
        0x3f800000, 0x6bac7692, 0x6c2c7692, 0x6c8158ee, 0x6cac7692, 0x6cd79436, 0x6d0158ee, 0x6d16e7c0,
        0x6d2c7692, 0x6d420564, 0x6d579436, 0x6d6d2309, 0x6d8158ee, 0x6d8c2056, 0x6d96e7c0, 0x6da1af29,
        0x6dac7692, 0x6db73dfb, 0x6dc20564, 0x6dccccce, 0x6dd79436, 0x6de25ba0, 0x6ded2309, 0x6df7ea72,
        0x6e0158ee, 0x6e06bca3, 0x6e0c2057, 0x6e11840c, 0x6e16e7c0, 0x6e1c4b75, 0x6e21af2a, 0x6e2712de,
        0x6e2c7692, 0x6e31da47, 0x6e373dfb, 0x6e3ca1b0, 0x6e420564, 0x6e476919, 0x6e4cccce, 0x6e523082,
        0x6e579437, 0x6e5cf7ec, 0x6e625ba0, 0x6e67bf55, 0x6e6d2309, 0x6e7286be, 0x6e77ea72, 0x6e7d4e27,
        0x6e8158ed, 0x6e840ac7, 0x6e86bca2, 0x6e896e7c, 0x6e8c2056, 0x6e8ed230, 0x6e91840b, 0x6e9435e5,
        0x6e96e7bf, 0x6e999999, 0x6e9c4b74, 0x6e9efd4e, 0x6ea1af28, 0x6ea46102, 0x6ea712dd, 0x6ea9c4b7,
        0x6eac7691, 0x6eaf286b, 0x6eb1da46, 0x6eb48c20, 0x6eb73dfa, 0x6eb9efd4, 0x6ebca1af, 0x6ebf5389,
        0x6ec20564, 0x6ec4b73e, 0x6ec76919, 0x6eca1af3, 0x6ecccccd, 0x6ecf7ea7, 0x6ed23082, 0x6ed4e25c,
        0x6ed79436, 0x6eda4610, 0x6edcf7eb, 0x6edfa9c5, 0x6ee25b9f, 0x6ee50d79, 0x6ee7bf54, 0x6eea712e,
        0x6eed2308, 0x6eefd4e2, 0x6ef286bd, 0x6ef53897, 0x6ef7ea71, 0x6efa9c4b, 0x6efd4e26, 0x6f000000};

    private final float[] frequencies;
    private final boolean sleef;

    private NerfEncoding(float[] frequencies, boolean sleef) {
        this.frequencies = frequencies;
        this.sleef = sleef;
    }

    /**
     * The V2 encoding with {@code k} frequencies ({@code --multires_x}/{@code --multires_p}): {@code
     * np.linspace(1, 2**(k-1), k)} computed in double (numpy's formula {@code start + i·step}, the last value
     * set to the end point) and rounded to float32.
     */
    public static NerfEncoding numpy(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("frequency count must be positive, got " + k);
        }
        float[] f = new float[k];
        double end = Math.scalb(1.0, k - 1);
        double step = k > 1 ? (end - 1.0) / (k - 1) : 0.0;
        for (int i = 0; i < k; i++) {
            f[i] = (float) (1.0 + i * step);
        }
        f[k - 1] = (float) end;
        return new NerfEncoding(f, false);
    }

    /**
     * The V1 encoding with {@code k} frequencies, {@code torch.linspace(1, 2**(k-1), k)} in float32; only the two
     * sizes V1 uses exist: 32 (op, position and source codes) and 96 (the depth token).
     */
    public static NerfEncoding torch(int k) {
        int[] bits = switch (k) {
            case 32 -> TORCH_32;
            case 96 -> TORCH_96;
            default -> throw new IllegalArgumentException("torch float32 frequencies are tabulated for 32 and 96,"
                    + " not " + k);
        };
        float[] f = new float[k];
        for (int i = 0; i < k; i++) {
            f[i] = Float.intBitsToFloat(bits[i]);
        }
        return new NerfEncoding(f, true);
    }

    /** Number of output values, 2K. */
    public int dim() {
        return 2 * frequencies.length;
    }

    /** The float32 frequencies f_0..f_(K−1). */
    public float[] frequencies() {
        return frequencies.clone();
    }

    /** Writes PE(x) into {@code out[offset .. offset+2K)}; {@code x} is first rounded to float32. */
    public void encode(double x, float[] out, int offset) {
        float a = (float) x * PI;
        for (int k = 0; k < frequencies.length; k++) {
            float arg = a * frequencies[k];
            out[offset + 2 * k] = sleef ? SleefTrig.sin(arg) : Float32Trig.sin(arg);
            out[offset + 2 * k + 1] = sleef ? SleefTrig.cos(arg) : Float32Trig.cos(arg);
        }
    }

    /**
     * Writes the function-major encoding of {@code xs[0..count)} into {@code out[offset .. offset+2K·count)}
     * ({@link FunctionMajor}); one value is encoded as by {@link #encode(double, float[], int)}.
     */
    public void encodeTuple(float[] xs, int count, float[] out, int offset) {
        float[] one = new float[dim()];
        for (int i = 0; i < count; i++) {
            encode(xs[i], one, 0);
            FunctionMajor.place(one, i, count, out, offset);
        }
    }

    /** PE(x) as a new array of {@link #dim()} values. */
    public float[] encode(double x) {
        float[] out = new float[dim()];
        encode(x, out, 0);
        return out;
    }
}
