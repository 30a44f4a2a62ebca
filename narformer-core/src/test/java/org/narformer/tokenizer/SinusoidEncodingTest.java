package org.narformer.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SinusoidEncodingTest {
    /** REFERENCE.md §3.1: the first attribute slot of ResNet-18's first Conv (k = 7). */
    static final float[] PE_7 = {0.65699f, 0.75390f, 0.89544f, 0.44518f, 0.17493f, 0.98458f, 0.02786f, 0.99961f,
        0.00442f, 0.99999f};
    /** REFERENCE.md §3.1. */
    static final float[] PE_64 = {0.920026f, 0.391857f, -0.658285f, -0.752769f, 0.999323f, -0.036803f, 0.252041f,
        0.967717f, 0.04037f, 0.999185f};

    @Test
    void goldenVectors() {
        assertArrayEquals(PE_7, SinusoidEncoding.encode(7), 1e-5f);
        assertArrayEquals(PE_64, SinusoidEncoding.encode(64), 1e-6f);
    }

    @Test
    void zeroIsAlternatingZeroOne() {
        assertArrayEquals(new float[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, SinusoidEncoding.encode(0));
    }

    @Test
    void cachedIntegersEqualDirectComputation() {
        // 4096 comes from the table, 4096.5 and 5000 are computed; the table must agree with the formula
        float[] table = SinusoidEncoding.encode(4096);
        for (int j = 0; j < 5; j++) {
            float arg = 4096f * (float) Math.pow(10000, -j / 5.0);
            assertEquals(Float32Trig.sin(arg), table[2 * j]);
            assertEquals(Float32Trig.cos(arg), table[2 * j + 1]);
        }
        assertEquals(Float32Trig.sin(5000f), SinusoidEncoding.encode(5000)[0]);
        assertEquals(Float32Trig.sin(0.5f), SinusoidEncoding.encode(0.5f)[0]);
    }

    @Test
    void tupleIsFunctionMajor() {
        float[] out = new float[30];
        SinusoidEncoding.encodeTuple(new float[] {7, 64, 0}, 3, out, 0);
        float[] pe7 = SinusoidEncoding.encode(7);
        float[] pe64 = SinusoidEncoding.encode(64);
        for (int j = 0; j < 5; j++) {
            assertEquals(pe7[2 * j], out[6 * j]);
            assertEquals(pe64[2 * j], out[6 * j + 1]);
            assertEquals(0f, out[6 * j + 2]);
            assertEquals(pe7[2 * j + 1], out[6 * j + 3]);
            assertEquals(pe64[2 * j + 1], out[6 * j + 4]);
            assertEquals(1f, out[6 * j + 5]);
        }
    }
}
