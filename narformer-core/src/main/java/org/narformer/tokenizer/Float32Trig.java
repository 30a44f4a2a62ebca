package org.narformer.tokenizer;

/**
 * Single-precision sine and cosine that give, bit for bit, what glibc's {@code sinf}/{@code cosf} give on
 * x86-64 (glibc 2.36, FMA code path; checked on 306,472 arguments), which is what numpy's float32
 * {@code sin}/{@code cos} return for the arguments of the NAR-Former V2 cell encoding: Arm's optimized-routines
 * algorithm, a double-precision polynomial after a fast reduction below 120 and an exact 4/π-table reduction
 * above. This is not the correctly rounded sine: {@code (float) Math.sin(x)} differs from it in about 1 value in
 * 130 of the large arguments the "nerf" encoding produces, and there every such difference changes the token.
 *
 * <p>Only the algorithm and its published constants are reproduced; the fused multiply-adds are those GCC
 * contracts in glibc's FMA build, made explicit with {@link Math#fma}.
 */
public final class Float32Trig {
    /** Quadrant signs of the sine. */
    private static final double[] SIGN = {1.0, -1.0, -1.0, 1.0};
    /** 2/π · 2^24: the quadrant lands in bits 24..31 of the truncated product. */
    private static final double HPI_INV = 0x1.45F306DC9C883p+23;
    private static final double HPI = 0x1.921FB54442D18p0;
    /** 2π · 2^−64. */
    private static final double PI63 = 0x1.921FB54442D18p-62;
    /** Cosine polynomial c0..c4 for quadrants 0, 1 (second table negates it for quadrants 2, 3). */
    private static final double C0 = 0x1p0;
    private static final double C1 = -0x1.ffffffd0c621cp-2;
    private static final double C2 = 0x1.55553e1068f19p-5;
    private static final double C3 = -0x1.6c087e89a359dp-10;
    private static final double C4 = 0x1.99343027bf8c3p-16;
    /** Sine polynomial s1..s3. */
    private static final double S1 = -0x1.555545995a603p-3;
    private static final double S2 = 0x1.1107605230bc4p-7;
    private static final double S3 = -0x1.994eb3774cf24p-13;
    /** 4/π to 192 bits; entry i holds 8 new bits so that any 32-bit window is aligned. */
    private static final long[] INV_PIO4 = {
        0xa2L, 0xa2f9L, 0xa2f983L, 0xa2f9836eL,
        0xf9836e4eL, 0x836e4e44L, 0x6e4e4415L, 0x4e441529L,
        0x441529fcL, 0x1529fc27L, 0x29fc2757L, 0xfc2757d1L,
        0x2757d1f5L, 0x57d1f534L, 0xd1f534ddL, 0xf534ddc0L,
        0x34ddc0dbL, 0xddc0db62L, 0xc0db6295L, 0xdb629599L,
        0x6295993cL, 0x95993c43L, 0x993c4390L, 0x3c439041L};
    private static final int TOP_PIO4 = abstop12((float) 0x1.921FB54442D18p-1);
    private static final int TOP_TINY = abstop12(0x1p-12f);
    private static final int TOP_120 = abstop12(120.0f);
    private static final int TOP_INF = abstop12(Float.POSITIVE_INFINITY);

    private Float32Trig() {
    }

    /** sin(y) as glibc's {@code sinf} computes it. */
    public static float sin(float y) {
        return eval(y, false);
    }

    /** cos(y) as glibc's {@code cosf} computes it. */
    public static float cos(float y) {
        return eval(y, true);
    }

    private static float eval(float y, boolean cosine) {
        int top = abstop12(y);
        double x = y;
        if (top < TOP_PIO4) {
            if (top < TOP_TINY) {
                return cosine ? 1.0f : y;
            }
            return poly(x, x * x, false, cosine ? 1 : 0);
        }
        int n;
        int signIndex;
        if (top < TOP_120) {
            double r = x * HPI_INV;
            n = ((int) r + 0x800000) >> 24;
            x = Math.fma(-(double) n, HPI, x);
            signIndex = n;
        } else if (top < TOP_INF) {
            int xi = Float.floatToRawIntBits(y);
            int sign = xi >>> 31;
            int offset = (xi >>> 26) & 15;
            int shift = (xi >>> 23) & 7;
            long m = ((long) ((xi & 0xffffff) | 0x800000) << shift) & 0xffffffffL;
            long res0 = (m * INV_PIO4[offset]) & 0xffffffffL;
            long res1 = m * INV_PIO4[offset + 4];
            long res2 = m * INV_PIO4[offset + 8];
            res0 = (res2 >>> 32) | (res0 << 32);
            res0 += res1;
            long q = (res0 + (1L << 61)) >>> 62;
            res0 -= q << 62;
            x = (double) res0 * PI63;
            n = (int) q;
            signIndex = n + sign;
        } else {
            return Float.NaN;
        }
        double s = SIGN[signIndex & 3];
        boolean negateCos = (signIndex & 2) != 0;
        return poly(x * s, x * x, negateCos, cosine ? n ^ 1 : n);
    }

    /** The sine polynomial for even {@code n}, else the (possibly negated) cosine polynomial. */
    private static float poly(double x, double x2, boolean negateCos, int n) {
        if ((n & 1) == 0) {
            double x3 = x * x2;
            double s1 = Math.fma(x2, S3, S2);
            double x7 = x3 * x2;
            double s = Math.fma(x3, S1, x);
            return (float) Math.fma(x7, s1, s);
        }
        double g = negateCos ? -1.0 : 1.0;
        double x4 = x2 * x2;
        double c2 = Math.fma(x2, g * C4, g * C3);
        double c1 = Math.fma(x2, g * C1, g * C0);
        double x6 = x4 * x2;
        double c = Math.fma(x4, g * C2, c1);
        return (float) Math.fma(x6, c2, c);
    }

    private static int abstop12(float x) {
        return (Float.floatToRawIntBits(x) >>> 20) & 0x7ff;
    }
}
