package org.narformer.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ai.onnx.proto.OnnxMl.NodeProto;

/**
 * Which inputs of an operator are "data" inputs that become graph edges — the per-operator
 * {@code conn_input_ids} of the reference's {@code Switcher.parseXxx} methods ({@code onnx_to_networkx.py}).
 * A tensor is a <em>parameter</em> when the reference's {@code input_sizes} holds it: a graph input, an
 * initializer, or the output of a {@code Constant} node seen earlier in file order.
 */
final class EdgeRules {
    /** Operators whose {@code parseXxx} connects input 0 only. */
    static final Set<String> FIRST_INPUT_ONLY = Set.of("Abs", "Acos", "Acosh", "ArgMax", "ArgMin", "Asin",
            "Asinh", "Atan", "Atanh", "AveragePool", "Cast", "Ceil", "Celu", "ConcatFromSequence",
            "ConstantOfShape", "Cos", "Cosh", "DepthToSpace", "Det", "DynamicQuantizeLinear", "Elu", "Erf", "Exp",
            "EyeLike", "Flatten", "Floor", "GlobalAveragePool", "GlobalLpPool", "GlobalMaxPool", "HardSigmoid",
            "Hardmax", "Identity", "If", "IsInf", "IsNaN", "LRN", "LeakyRelu", "Log", "LogSoftmax",
            "LpNormalization", "LpPool", "MaxPool", "MeanVarianceNormalization", "Multinomial", "Neg", "NonZero",
            "Not", "RandomNormalLike", "RandomUniformLike", "Reciprocal", "ReduceL1", "ReduceL2", "ReduceLogSum",
            "ReduceLogSumExp", "ReduceMax", "ReduceMean", "ReduceMin", "ReduceProd", "ReduceSumSquare", "Relu",
            "Round", "Selu", "SequenceLength", "Shape", "Shrink", "Sigmoid", "Sign", "Sin", "Sinh", "Size",
            "Softmax", "Softplus", "Softsign", "SpaceToDepth", "Sqrt", "StringNormalizer", "Tan", "Tanh",
            "TfIdfVectorizer", "ThresholdedRelu", "Transpose", "Unique");

    /** Operators whose {@code parseXxx} connects every input, parameters included. */
    static final Set<String> ALL_INPUTS = Set.of("Add", "And", "BitShift", "Clip", "Compress", "Concat", "CumSum",
            "DequantizeLinear", "Div", "Dropout", "Einsum", "Equal", "Expand", "GRU", "Gather", "GatherElements",
            "GatherND", "Greater", "GreaterOrEqual", "LSTM", "Less", "LessOrEqual", "Loop", "MatMul",
            "MatMulInteger", "Max", "MaxRoiPool", "MaxUnpool", "Mean", "Min", "Mod", "Mul",
            "NegativeLogLikelihoodLoss", "NonMaxSuppression", "OneHot", "Or", "PRelu", "Pad", "Pow",
            "QLinearMatMul", "QuantizeLinear", "RNN", "Range", "ReduceSum", "Resize", "ReverseSequence", "RoiAlign",
            "Scan", "Scatter", "ScatterElements", "ScatterND", "SequenceAt", "SequenceConstruct", "SequenceErase",
            "SequenceInsert", "Slice", "SoftmaxCrossEntropyLoss", "Split", "SplitToSequence", "Squeeze", "Sub",
            "Sum", "Tile", "TopK", "Unsqueeze", "Upsample", "Where", "Xor");

    private EdgeRules() {
    }

    /**
     * Indices of the node's inputs that are connected by an edge to each of its outputs.
     * <ul>
     *   <li>{@code Conv}, {@code ConvTranspose}, {@code Gemm}: input 0, plus the weight (input 1) when it is
     *       computed rather than a parameter; a bias is never connected.</li>
     *   <li>{@code ConvInteger} / {@code QLinearConv}: every input but a parameter weight (input 1 / 3). The
     *       reference's code here calls {@code range(node.input)} and crashes; we follow its evident intent.</li>
     *   <li>{@code BatchNormalization}, {@code InstanceNormalization}: input 0 plus those of the other inputs
     *       that are not parameters.</li>
     *   <li>{@code Reshape}: input 0, plus the target shape when it is computed (not a parameter, no
     *       {@code shape} attribute).</li>
     *   <li>{@code Constant}, {@code RandomNormal}, {@code RandomUniform}, {@code SequenceEmpty}: none.</li>
     *   <li>{@link #FIRST_INPUT_ONLY} and {@link #ALL_INPUTS} as listed.</li>
     *   <li><b>Deviation:</b> operators the reference does not know (e.g. {@code LayerNormalization},
     *       {@code HardSwish}, {@code Gelu}, {@code CastLike}) make it raise "Operator Not Supported" and drop
     *       the file. We connect input 0 plus every non-parameter input, the normalization-style rule, so
     *       weights do not become extra {@code Input} nodes.</li>
     * </ul>
     */
    static List<Integer> dataInputs(NodeProto node, Set<String> parameters) {
        String op = node.getOpType();
        int n = node.getInputCount();
        List<Integer> ids = new ArrayList<>(n);
        switch (op) {
            case "Constant", "RandomNormal", "RandomUniform", "SequenceEmpty" -> { }
            case "Conv", "ConvTranspose", "Gemm" -> {
                ids.add(0);
                addIfComputed(ids, node, 1, parameters);
            }
            case "ConvInteger", "QLinearConv" -> {
                int weight = op.equals("ConvInteger") ? 1 : 3;
                for (int i = 0; i < n; i++) {
                    if (i != weight || !parameters.contains(node.getInput(i))) {
                        ids.add(i);
                    }
                }
            }
            case "Reshape" -> {
                ids.add(0);
                if (Attributes.find(node, "shape") == null) {
                    addIfComputed(ids, node, 1, parameters);
                }
            }
            default -> {
                if (FIRST_INPUT_ONLY.contains(op)) {
                    ids.add(0);
                } else if (ALL_INPUTS.contains(op)) {
                    for (int i = 0; i < n; i++) {
                        ids.add(i);
                    }
                } else {
                    // BatchNormalization, InstanceNormalization, and operators the reference does not know
                    ids.add(0);
                    for (int i = 1; i < n; i++) {
                        addIfComputed(ids, node, i, parameters);
                    }
                }
            }
        }
        ids.removeIf(i -> i >= n || node.getInput(i).isEmpty());
        return ids;
    }

    private static void addIfComputed(List<Integer> ids, NodeProto node, int i, Set<String> parameters) {
        if (i < node.getInputCount() && !parameters.contains(node.getInput(i))) {
            ids.add(i);
        }
    }
}
