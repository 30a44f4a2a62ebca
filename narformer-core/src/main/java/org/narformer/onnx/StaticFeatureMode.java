package org.narformer.onnx;

/**
 * Which operators count towards the graph-level static features (FLOPs, parameter count, memory access).
 *
 * <ul>
 *   <li>{@link #REFERENCE}: exactly the reference's {@code calculate_onnx_flops} ({@code feature/onnx_flops.py},
 *       identical in NNLQP and NAR-Former V2), accidents included — the table spells {@code Matmul} so a real
 *       ONNX {@code MatMul} contributes nothing; memory access sums only over ops in the table; BatchNormalization
 *       has 4·C parameters; GlobalAveragePool multiplies by the width ratio only; Softmax uses
 *       {@code rank // batch} as its feature count. This is what the published predictors were trained on.</li>
 *   <li>{@link #EXTENDED}: a corrected count for networks the reference misses (transformers, hard
 *       activations). See {@link StaticFeatureCalculator} for every formula and difference.</li>
 * </ul>
 */
public enum StaticFeatureMode {
    /** The reference's table and formulas, accidents included (the default). */
    REFERENCE,
    /** Reference formulas with the documented corrections, plus the operators the reference does not count. */
    EXTENDED
}
