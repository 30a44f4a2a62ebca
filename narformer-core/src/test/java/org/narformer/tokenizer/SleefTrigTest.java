package org.narformer.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SleefTrigTest {
    /**
     * {x, sinf(x), cosf(x)} as float32 bits from SLEEF 3.5.1's {@code Sleef_sinf1_u10purecfma} /
     * {@code Sleef_cosf1_u10purecfma} (what torch 1.13.1 returns for one-element CPU tensors); in each row glibc's
     * float32 sine or cosine differs. The Java port matched SLEEF on all 220,007 sampled arguments.
     */
    private static final int[][] SLEEF = {
        {0xdbe89de3, 0xbf5dce0d, 0x3effa521},
        {0x799f1001, 0xbf551734, 0x3f0ddfe0},
        {0x553d17ba, 0xbf7f9cef, 0xbd6120bc},
        {0xc4c7547f, 0x3f75df2a, 0x3e8e9776},
        {0xf197b182, 0xbf643130, 0xbee8126b},
        {0x3d654995, 0x3d652aee, 0x3f7f9958},
        {0x4279a887, 0xbecf7fb9, 0x3f6a08c8},
        {0x69b9d15d, 0x3f4f8275, 0xbf15eb50},
        {0x5bc4a332, 0x3ef754c9, 0xbf60262b},
        {0xeaa7b5ee, 0xbf6a2784, 0xbecef4d8},
        {0xcfeedc96, 0x3f50454e, 0x3f14dc2b},
        {0xf649792e, 0x3f7151d2, 0xbeaae3d8},
        {0x7c8852a5, 0xbed0d9f3, 0xbf69bbbd},
        {0xe5c032f5, 0x3ebe10fd, 0xbf6db509},
    };

    @Test
    void reproducesSleefBitForBitWhereGlibcDiffers() {
        for (int[] row : SLEEF) {
            float x = Float.intBitsToFloat(row[0]);
            assertEquals(row[1], Float.floatToRawIntBits(SleefTrig.sin(x)), "sin(" + x + ")");
            assertEquals(row[2], Float.floatToRawIntBits(SleefTrig.cos(x)), "cos(" + x + ")");
            assertTrue(Float.floatToRawIntBits(Float32Trig.sin(x)) != row[1]
                    || Float.floatToRawIntBits(Float32Trig.cos(x)) != row[2], "row " + x);
        }
    }

    @Test
    void specialValues() {
        assertEquals(0x80000000, Float.floatToRawIntBits(SleefTrig.sin(-0.0f)));
        assertEquals(0.0f, SleefTrig.sin(0.0f));
        assertEquals(1.0f, SleefTrig.cos(0.0f));
        assertTrue(Float.isNaN(SleefTrig.sin(Float.POSITIVE_INFINITY)));
        assertTrue(Float.isNaN(SleefTrig.cos(Float.NaN)));
        assertEquals(1.0f, SleefTrig.sin((float) (Math.PI / 2)));
    }
}
