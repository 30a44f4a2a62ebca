package org.narformer.tokenizer;

/**
 * The function-major layout of a tuple's sinusoidal code, as the references' {@code np.concatenate} over functions
 * builds it: for a tuple of {@code count} values, each encoded as {@code [sin_0, cos_0, sin_1, cos_1, …]}, the tuple
 * code is {@code [sin_0(x_0..count−1), cos_0(x_0..count−1), sin_1(…), …]}.
 */
final class FunctionMajor {
    private FunctionMajor() {
    }

    /** Places the code {@code one} of tuple element {@code i} (of {@code count}) in the tuple code at {@code offset}. */
    static void place(float[] one, int i, int count, float[] out, int offset) {
        for (int k = 0; k < one.length; k++) {
            out[offset + k * count + i] = one[k];
        }
    }
}
