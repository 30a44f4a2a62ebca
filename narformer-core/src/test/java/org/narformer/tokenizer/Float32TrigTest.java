package org.narformer.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Float32TrigTest {
    /**
     * {x, sinf(x), cosf(x)} as float32 bits, from glibc 2.36's libm on x86-64 (equal to numpy's float32 sin/cos
     * there); each row has a value where the correctly rounded {@code (float) Math.sin/cos} differs by one ulp.
     */
    private static final int[][] GLIBC = {
        {0x55b8ff5b, 0xbf79ffd7, 0x3e5c6937},
        {0x55d8db4d, 0x3e8d3a7a, 0xbf76117f},
        {0xc13dc6ea, 0x3f25f4e6, 0x3f42ebe8},
        {0xd0a4b0f6, 0x3ef75819, 0xbf602542},
        {0xd99459fd, 0x3f5babbd, 0xbf0374c5},
        {0xd44f11b0, 0x3e45b51c, 0x3f7b2ee4},
        {0x59337835, 0xbdb7d3fa, 0xbf7ef776},
        {0x44a78473, 0x3f780e5a, 0xbe7d1d62},
        {0x5400daef, 0xbf7e51e7, 0x3dea3f41},
        {0xc076fbba, 0x3f285330, 0xbf40e14b},
        {0xcaeef0b5, 0x3f5e08c6, 0xbefed8e6},
        {0xcda5c88c, 0xbf5b0568, 0x3f04892c},
        {0xd6d34806, 0x3f07e9e3, 0xbf58f0f3},
        {0x450c65f3, 0xbe07def2, 0xbf7dbc89},
        // tiny and below π/4
        {0x36a56e47, 0x36a56e47, 0x3f800000},
        {0xb943c746, 0xb943c746, 0x3f800000},
    };

    @Test
    void reproducesGlibcSinfAndCosfBitForBit() {
        int differFromCorrectlyRounded = 0;
        for (int[] row : GLIBC) {
            float x = Float.intBitsToFloat(row[0]);
            assertEquals(row[1], Float.floatToRawIntBits(Float32Trig.sin(x)), "sin(" + x + ")");
            assertEquals(row[2], Float.floatToRawIntBits(Float32Trig.cos(x)), "cos(" + x + ")");
            if (Float.floatToRawIntBits((float) Math.sin(x)) != row[1]
                    || Float.floatToRawIntBits((float) Math.cos(x)) != row[2]) {
                differFromCorrectlyRounded++;
            }
        }
        assertEquals(14, differFromCorrectlyRounded, "the pinned rows are the ones a double-based sine gets wrong");
    }

    @Test
    void specialValues() {
        assertEquals(0.0f, Float32Trig.sin(0.0f));
        assertEquals(1.0f, Float32Trig.cos(0.0f));
        assertTrue(Float.isNaN(Float32Trig.sin(Float.POSITIVE_INFINITY)));
        assertTrue(Float.isNaN(Float32Trig.cos(Float.NaN)));
        assertEquals((float) Math.sin(1.0), Float32Trig.sin(1.0f));
        assertEquals((float) Math.cos(100.0), Float32Trig.cos(100.0f));
    }
}
