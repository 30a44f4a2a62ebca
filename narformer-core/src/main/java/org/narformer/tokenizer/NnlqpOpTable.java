package org.narformer.tokenizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.narformer.BadInputException;
import org.narformer.graph.Node;
import org.narformer.graph.TensorShape;

/**
 * The operator table shared by the NNLQP-style tokenizers (NNLQP {@code feature/feature_utils.py}, copied into
 * NAR-Former V2): an op code 1..28 per known operator (one-hot index {@code code−1} of 32) and the attributes
 * each operator encodes, with their defaults ({@code op_attribute.py}).
 *
 * <p>Reference accidents kept: the table spells {@code Matmul}, so ONNX {@code MatMul} has no code unless the
 * corrected option is set; tuple attributes keep only their first element, except {@code perm} (8 values,
 * zero-padded); the {@code Input} node and operators outside the table have no code and no attributes.
 */
final class NnlqpOpTable {
    /** Length of the op one-hot. */
    static final int ONE_HOT = 32;
    /** Number of attribute values (V2: slots of 10 dims each; NNLP: scalars). */
    static final int ATTRIBUTE_SLOTS = 8;
    /** Number of output-shape dims encoded (padded with 0 or truncated). */
    static final int SHAPE_DIMS = 4;

    /** An encoded attribute, with the NNLQP normalisation {@code (v − centre)/scale} (V2 uses raw values). */
    enum Attribute {
        KERNEL_SHAPE(1, 2.53f, 56f),
        STRIDES(1, 1.16f, 56f),
        PADS(1, 0.75f, 6f),
        DILATIONS(1, 1.00f, 1f),
        GROUP(1, 15.08f, 6144f),
        BIAS(1, 0.77f, 1f),
        PERM(8, 1.78f, 4f),
        OUTPUT_PADDING(1, 0f, 1e-5f);

        /** Number of values the attribute contributes. */
        final int length;
        final float centre;
        final float scale;

        Attribute(int length, float centre, float scale) {
            this.length = length;
            this.centre = centre;
            this.scale = scale;
        }
    }

    private static final List<Attribute> CONV = List.of(Attribute.KERNEL_SHAPE, Attribute.STRIDES, Attribute.PADS,
            Attribute.DILATIONS, Attribute.GROUP, Attribute.BIAS);
    private static final List<Attribute> POOL = List.of(Attribute.KERNEL_SHAPE, Attribute.STRIDES, Attribute.PADS);
    private static final List<Attribute> CONV_TRANSPOSE = List.of(Attribute.KERNEL_SHAPE, Attribute.STRIDES,
            Attribute.PADS, Attribute.DILATIONS, Attribute.GROUP, Attribute.BIAS, Attribute.OUTPUT_PADDING);

    private static final String[] OPS = {"Conv", "Relu", "Add", "Sigmoid", "Reshape", "MaxPool", "Split",
        "GlobalAveragePool", "Gemm", "Transpose", "Upsample", "BatchNormalization", "Mul", "Concat", "Flatten",
        "AveragePool", "Cast", "Matmul", "ReduceMean", "Pow", "Slice", "Div", "Sub", "Sqrt", "Clip", "Softmax",
        "Tanh", "ConvTranspose"};
    private static final Map<String, Integer> CODES = new HashMap<>();

    static {
        for (int i = 0; i < OPS.length; i++) {
            CODES.put(OPS[i], i + 1);
        }
    }

    private NnlqpOpTable() {
    }

    /** The op code 1..28, or 0 for an operator outside the table ({@code Input}, {@code Identity}, …). */
    static int code(String opType, boolean recogniseMatMul) {
        if (recogniseMatMul && opType.equals("MatMul")) {
            return CODES.get("Matmul");
        }
        return CODES.getOrDefault(opType, 0);
    }

    /** The attributes {@code opType} encodes, in order (empty for most operators). */
    static List<Attribute> attributes(String opType) {
        return switch (opType) {
            case "Conv" -> CONV;
            case "MaxPool", "AveragePool" -> POOL;
            case "Gemm" -> List.of(Attribute.BIAS);
            case "Transpose" -> List.of(Attribute.PERM);
            case "ConvTranspose" -> CONV_TRANSPOSE;
            default -> List.of();
        };
    }

    /**
     * Writes the raw value(s) of {@code attribute} of {@code node} into {@code out[offset ..
     * offset+attribute.length)}: the first element of a tuple, the default when absent, {@code perm} padded with
     * zeros to 8. A missing {@code kernel_shape} is read from the weight's last two dims, as the reference does.
     */
    static void values(String graphName, Node node, Attribute attribute, float[] out, int offset) {
        switch (attribute) {
            case KERNEL_SHAPE -> out[offset] = kernel(graphName, node);
            case STRIDES -> out[offset] = first(node, "strides", 1);
            case PADS -> out[offset] = first(node, "pads", 0);
            case DILATIONS -> out[offset] = first(node, "dilations", 1);
            case GROUP -> out[offset] = node.intAttribute("group", 1);
            case BIAS -> out[offset] = node.inputs().size() == 3 ? 1 : 0;
            case OUTPUT_PADDING -> out[offset] = first(node, "output_padding", 0);
            case PERM -> {
                List<Long> perm = node.intsAttribute("perm");
                if (perm.size() > attribute.length) {
                    throw new BadInputException(graphName, "node '" + node.name() + "'",
                            "perm has " + perm.size() + " entries; the encoding holds at most " + attribute.length);
                }
                for (int i = 0; i < attribute.length; i++) {
                    out[offset + i] = i < perm.size() ? perm.get(i) : 0;
                }
            }
            default -> throw new IllegalStateException(attribute.name());
        }
    }

    /**
     * Writes the node's output shape, zero-padded or truncated to {@value #SHAPE_DIMS} dims, into {@code out}; a
     * scalar gives four zeros. Throws when the shape was never inferred.
     */
    static void outputDims(String graphName, Node node, float[] out) {
        TensorShape shape = node.outputShape();
        if (!shape.isKnown()) {
            throw new BadInputException(graphName, "node '" + node.name() + "'",
                    "output shape is not inferred; whole-network tokens need it");
        }
        int rank = shape.rank();
        for (int i = 0; i < SHAPE_DIMS; i++) {
            out[i] = i < rank ? shape.dim(i) : 0;
        }
    }

    private static float first(Node node, String key, long defaultValue) {
        List<Long> v = node.intsAttribute(key);
        return v.isEmpty() ? node.intAttribute(key, defaultValue) : v.get(0);
    }

    private static float kernel(String graphName, Node node) {
        List<Long> k = node.intsAttribute("kernel_shape");
        if (!k.isEmpty()) {
            return k.get(0);
        }
        if (node.inputs().size() > 1) {
            TensorShape w = node.inputs().get(1).shape();
            if (w.isKnown() && w.rank() >= 2) {
                return w.dim(w.rank() - 2);
            }
        }
        throw new BadInputException(graphName, "node '" + node.name() + "'",
                node.opType() + " has no kernel_shape and no weight shape to read it from");
    }
}
