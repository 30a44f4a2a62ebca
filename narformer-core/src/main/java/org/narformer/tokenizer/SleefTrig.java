package org.narformer.tokenizer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Single-precision sine and cosine that give, bit for bit, what {@code torch.sin}/{@code torch.cos} give on a
 * float32 CPU tensor: PyTorch's kernels call SLEEF's 1-ulp {@code sinf_u10}/{@code cosf_u10} (FMA build), whose
 * algorithm is reproduced here: a three-part Cody–Waite reduction by π below 125, a Payne–Hanek reduction with a
 * table of 1/(2π) above, both in double-float (pairs of floats) arithmetic, then an odd polynomial evaluated in
 * double-float. NAR-Former V1 computed its tokens this way. Only the algorithm and its published constants are
 * reproduced; the reduction table is computed here from π.
 */
public final class SleefTrig {
    private static final float M_1_PI = (float) 0.318309886183790671537767526745028724;
    private static final float PI_A2 = 3.1414794921875f;
    private static final float PI_B2 = 0.00011315941810607910156f;
    private static final float PI_C2 = 1.9841872589410058936e-09f;
    private static final float TRIG_RANGE_MAX2 = 125.0f;
    private static final float PI_HI = 3.1415927410125732422f;
    private static final float PI_LO = -8.7422776573475857731e-08f;
    private static final String PI_DIGITS = "3.14159265358979323846264338327950288419716939937510582097494459230781640628"
            + "620899862803482534211706798214808651328230664709384460955058223172535940812848111745028410270193852110555"
            + "964462294895493038196";
    /** 1/(2π)·2^e mod 1, divided by 2^e, in four float pieces per exponent 25..127 (×2^64 above 90). */
    private static final float[] REMPI = rempiTable();

    private SleefTrig() {
    }

    /** A reduced argument: the angle as a double-float (hi, lo) and the quadrant count. */
    private record Reduced(float hi, float lo, int quadrant) { }

    /** sin(d) as SLEEF's {@code sinf_u10} (and torch on the CPU) computes it. */
    public static float sin(float d) {
        if (!Float.isFinite(d)) {
            return Float.NaN;
        }
        float u = (float) Math.rint(d * M_1_PI);
        int q = (int) u;
        float v = Math.fma(u, -PI_A2, d);
        float b = u * -PI_B2;
        float sx = v + b;
        float sy = twoSumTail(v, b, sx);
        float c = u * -PI_C2;
        float s2 = sx + c;
        sy = ((sx - s2) + c) + sy;
        sx = s2;
        if (!(Math.abs(d) < TRIG_RANGE_MAX2)) {
            Reduced r = reduce(d);
            float rx = r.hi();
            float ry = r.lo();
            int q2 = ((r.quadrant() & 3) * 2 + (rx > 0 ? 2 : 1)) >> 2;
            if ((r.quadrant() & 1) == 1) {
                float hx = mulsign(PI_HI * -0.5f, rx);
                float hy = mulsign(PI_LO * -0.5f, rx);
                float ns = rx + hx;
                ry = twoSumTail(rx, hx, ns) + (ry + hy);
                rx = ns;
            }
            sx = rx + ry;
            sy = (rx - sx) + ry;
            q = q2;
        }
        float result = polynomial(sx, sy);
        if ((q & 1) == 1) {
            result = -result;
        }
        return Float.floatToRawIntBits(d) == 0x80000000 ? d : result;
    }

    /** cos(d) as SLEEF's {@code cosf_u10} (and torch on the CPU) computes it. */
    public static float cos(float d) {
        if (!Float.isFinite(d)) {
            return Float.NaN;
        }
        float dq = Math.fma((float) Math.rint(Math.fma(d, M_1_PI, -0.5f)), 2.0f, 1.0f);
        int q = (int) dq;
        float a = dq * (-PI_A2 * 0.5f);
        float sx = d + a;
        float sy = twoSumTail(d, a, sx);
        float b = dq * (-PI_B2 * 0.5f);
        float s2 = sx + b;
        sy = twoSumTail(sx, b, s2) + sy;
        sx = s2;
        float c = dq * (-PI_C2 * 0.5f);
        s2 = sx + c;
        sy = twoSumTail(sx, c, s2) + sy;
        sx = s2;
        if (!(Math.abs(d) < TRIG_RANGE_MAX2)) {
            Reduced r = reduce(d);
            float rx = r.hi();
            float ry = r.lo();
            int q2 = ((r.quadrant() & 3) * 2 + (rx > 0 ? 8 : 7)) >> 1;
            if ((r.quadrant() & 1) == 0) {
                float y = rx > 0 ? 0.0f : -1.0f;
                float hx = mulsign(PI_HI * -0.5f, y);
                float hy = mulsign(PI_LO * -0.5f, y);
                float ns = rx + hx;
                ry = twoSumTail(rx, hx, ns) + (ry + hy);
                rx = ns;
            }
            sx = rx + ry;
            sy = (rx - sx) + ry;
            q = q2;
        }
        float result = polynomial(sx, sy);
        if ((q & 2) == 0) {
            result = -result;
        }
        return result;
    }

    /** t·(1 + s·(c3 + s·P(s))) with s = t², in double-float; t = (tx, ty). */
    private static float polynomial(float tx, float ty) {
        float s = tx * tx;
        float sLow = Math.fma(tx + tx, ty, Math.fma(tx, tx, -s));
        float u = 2.6083159809786593541503e-06f;
        u = Math.fma(u, s, -0.0001981069071916863322258f);
        u = Math.fma(u, s, 0.00833307858556509017944336f);
        float us = u * s;
        float ax = -0.166666597127914428710938f + us;
        float ay = (-0.166666597127914428710938f - ax) + us;
        float mx = ax * s;
        float my = Math.fma(ax, sLow, Math.fma(ay, s, Math.fma(ax, s, -mx)));
        float xx = 1.0f + mx;
        float xy = ((1.0f - xx) + mx) + my;
        return Math.fma(tx, xx, Math.fma(ty, xx, tx * xy));
    }

    /** Payne–Hanek reduction of |d| ≥ 125 to a double-float angle in [−π/4, π/4] and a quadrant count. */
    private static Reduced reduce(float d) {
        int bits = Float.floatToRawIntBits(d);
        int ex = ((bits >>> 23) & 0xff) - 0x7f - 25;
        int scale = ex > 90 - 25 ? -64 : 0;
        float a = Float.intBitsToFloat(bits + (scale << 23));
        int idx = Math.max(ex, 0) << 2;
        // x = a·T0, minus its whole quarter turns
        float xx = a * REMPI[idx];
        float xy = Math.fma(a, REMPI[idx], -xx);
        float y4 = (float) Math.rint(xx * 4.0f);
        int q = (int) (y4 - (float) Math.rint(xx) * 4.0f);
        xx = xx - y4 * 0.25f;
        float t = xx + xy;
        xy = (xx - t) + xy;
        xx = t;
        // + a·T1, minus whole quarter turns
        float yx = a * REMPI[idx + 1];
        float yy = Math.fma(a, REMPI[idx + 1], -yx);
        float s = xx + yx;
        xy = twoSumTail(xx, yx, s) + (xy + yy);
        xx = s;
        y4 = (float) Math.rint(xx * 4.0f);
        q += (int) (y4 - (float) Math.rint(xx) * 4.0f);
        xx = xx - y4 * 0.25f;
        t = xx + xy;
        xy = (xx - t) + xy;
        xx = t;
        // + (T2, T3)·a
        yx = REMPI[idx + 2] * a;
        yy = Math.fma(REMPI[idx + 3], a, Math.fma(REMPI[idx + 2], a, -yx));
        s = xx + yx;
        xy = twoSumTail(xx, yx, s) + (xy + yy);
        xx = s;
        t = xx + xy;
        xy = (xx - t) + xy;
        xx = t;
        // × 2π
        float px = PI_HI * 2;
        float py = PI_LO * 2;
        float hi = xx * px;
        float lo = Math.fma(xx, py, Math.fma(xy, px, Math.fma(xx, px, -hi)));
        if (Math.abs(a) < 0.7f) {
            return new Reduced(a, 0.0f, q);
        }
        return new Reduced(hi, lo, q);
    }

    /** Error of the float sum {@code s = x + y} (Knuth's two-sum). */
    private static float twoSumTail(float x, float y, float s) {
        float v = s - x;
        return (x - (s - v)) + (y - v);
    }

    private static float mulsign(float x, float y) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(x) ^ (Float.floatToRawIntBits(y) & 0x80000000));
    }

    /**
     * For each float exponent i = 25..127: the fraction of 2^(i−23)/(2π), divided by 2^(i−23) and scaled by 2^64
     * when i &gt; 90, split greedily into floats (the first three with their two lowest bits cleared).
     */
    private static float[] rempiTable() {
        MathContext mc = new MathContext(200, RoundingMode.HALF_EVEN);
        BigDecimal rpi = new BigDecimal("0.5").divide(new BigDecimal(PI_DIGITS), mc);
        float[] table = new float[(128 - 25) * 4];
        for (int i = 25; i < 128; i++) {
            int ex = i - 23;
            BigDecimal x = new BigDecimal(java.math.BigInteger.ONE.shiftLeft(ex));
            BigDecimal y = x.multiply(rpi, mc);
            BigDecimal frac = y.subtract(y.setScale(0, RoundingMode.FLOOR));
            BigDecimal rest = frac.divide(x, mc);
            if (i > 90) {
                rest = rest.multiply(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(64)), mc);
            }
            for (int k = 0; k < 4; k++) {
                float f = (float) Double.parseDouble(rest.toString());
                if (k < 3) {
                    f = Float.intBitsToFloat(Float.floatToRawIntBits(f) & 0xfffffffc);
                }
                table[(i - 25) * 4 + k] = f;
                rest = rest.subtract(new BigDecimal(f));
            }
        }
        return table;
    }
}
