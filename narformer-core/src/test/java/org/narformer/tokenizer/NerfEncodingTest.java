package org.narformer.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class NerfEncodingTest {

    @Test
    void numpyFrequenciesAreLinspaceRoundedToFloat32() {
        float[] f = NerfEncoding.numpy(32).frequencies();
        assertEquals(1.0f, f[0]);
        assertEquals(69273664.0f, f[1]);
        assertEquals(138547328.0f, f[2]);
        assertEquals(2147483648.0f, f[31]);
    }

    @Test
    void torchFrequenciesDifferFromNumpyWhereTheFloat32KernelRoundsDifferently() {
        float[] numpy = NerfEncoding.numpy(32).frequencies();
        float[] torch = NerfEncoding.torch(32).frequencies();
        List<Integer> differ = new ArrayList<>();
        for (int k = 0; k < 32; k++) {
            if (numpy[k] != torch[k]) {
                differ.add(k);
            }
        }
        assertEquals(List.of(17, 21, 25, 29), differ);
        assertEquals(1177652224.0f, torch[17]);
        assertEquals(1177652352.0f, numpy[17]);
        assertEquals(192, NerfEncoding.torch(96).dim());
        assertThrows(IllegalArgumentException.class, () -> NerfEncoding.torch(10));
    }

    /** Values of the official V2 {@code get_embedder(32, 'nerf')} under numpy 1.24 (float32 bits). */
    @Test
    void matchesTheReferenceEmbedderIncludingFloat32Chaos() {
        NerfEncoding pe = NerfEncoding.numpy(32);
        assertEquals(64, pe.dim());
        // the REFERENCE.md example: op 2, k = 1 gives sin ≈ 0.627 (0.201 in float64)
        assertEquals(0x3f208369, bits(pe.encode(2)[2]));
        assertEquals(0xbf476d89, bits(pe.encode(2)[3]));
        // components where glibc's float32 sine/cosine differ from the correctly rounded one
        assertEquals(0xbf21bc0e, bits(pe.encode(3)[43]));
        assertEquals(0xbf05fdf1, bits(pe.encode(5)[10]));
        assertEquals(0xbea2d56f, bits(pe.encode(6)[39]));
        assertEquals(0xbf21bc0e, bits(pe.encode(7)[19]));
        assertEquals(0x3e1fb236, bits(pe.encode(7)[53]));
        float[] zero = pe.encode(0);
        for (int k = 0; k < 32; k++) {
            assertEquals(0.0f, zero[2 * k]);
            assertEquals(1.0f, zero[2 * k + 1]);
        }
        float[] out = new float[70];
        pe.encode(2, out, 3);
        assertArrayEquals(pe.encode(2), java.util.Arrays.copyOfRange(out, 3, 67));
    }

    private static int bits(float v) {
        return Float.floatToRawIntBits(v);
    }
}
