package org.narformer.onnx;

import java.util.List;
import java.util.Set;

import org.narformer.BadInputException;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.graph.Operand;
import org.narformer.graph.TensorShape;

/**
 * Computes {@link StaticFeatures} from a {@link NetworkGraph} whose nodes carry inferred shapes, so imported ONNX
 * files and generated networks are treated alike.
 *
 * <p>Nodes are output tensors: an operator's FLOPs and parameters are counted once, at its node with
 * {@code outputIndex} 0; its memory access counts the elements of every output node plus its parameters once.
 *
 * <h2>{@link StaticFeatureMode#REFERENCE} (the reference's {@code onnx_flops.py}, every accident kept)</h2>
 * Only operators in the reference table count, for FLOPs, parameters <em>and</em> memory access:
 * {@value #REFERENCE_TABLE_DOC}. ONNX spells {@code MatMul}, so it never matches the table's {@code Matmul}.
 * <ul>
 *   <li>Conv, ConvTranspose: {@code Co·Ho·Wo·(2·Ci·k²/g − 1 + bias)} with {@code Co·Ho·Wo} = output dims 1.. and
 *       {@code Ci·k²/g} = weight dims 1..; params {@code W[0]·(W[1]·…+bias)}; bias = the op has 3 inputs.
 *       ConvTranspose uses the same formula although its weight layout differs.</li>
 *   <li>Gemm: {@code Co·(2·Ci − 1 + bias)} from the weight (swapped by {@code transB}); params
 *       {@code Co·(Ci + bias)}. The batch is not counted.</li>
 *   <li>GlobalAveragePool: output dims 1.. times {@code in[3]/out[3]} (the width ratio only, a float);
 *       AveragePool: output dims 1.. times the kernel area.</li>
 *   <li>Add, Sigmoid, Mul, ReduceMean, Pow, Div, Sub, Sqrt, Tanh: output elements (batch included).</li>
 *   <li>BatchNormalization: 4·elements, params 4·C (2·elements and 2·C with a single input).</li>
 *   <li>Softmax: {@code 3·n − 1} with {@code n = rank(in) / in[0]} (integer division of the rank by the batch —
 *       the reference's {@code x.size // x[0]} on the shape vector); may be −1.</li>
 *   <li>Upsample: nearest 0, linear 5, bicubic 259, trilinear 31 per output element (dims 1..). The reference
 *       crashes on {@code bilinear} (an unassigned variable), which drops the file: here that is a
 *       {@link BadInputException}.</li>
 *   <li>Relu, Reshape, MaxPool, Split, Transpose, Concat, Flatten, Cast, Slice, Clip: 0 FLOPs (memory access
 *       still counts their outputs).</li>
 * </ul>
 *
 * <h2>{@link StaticFeatureMode#EXTENDED}</h2>
 * Every node except {@code Input} sources counts towards memory access. FLOPs keep the reference formulas above
 * (including its batch convention: Conv, Gemm and pools exclude the batch, element-wise ops include it) with
 * these changes:
 * <ul>
 *   <li>MatMul: {@code out elements · (2K − 1)}, K = last dim of input 0 (batch and leading dims included).</li>
 *   <li>Softmax, LogSoftmax: {@code 3·e − e/L}, L = size of the softmax axis ({@code axis} attribute, last axis
 *       when absent; opset &lt; 13 coerced-2D semantics are not modelled).</li>
 *   <li>GlobalAveragePool: input elements without the batch (the whole H·W window, not the width ratio).</li>
 *   <li>Reductions (ReduceMean, ReduceSum, …): input elements.</li>
 *   <li>Element-wise activations and arithmetic the reference counts as 0 or ignores (Relu, Clip, Erf, Exp,
 *       LeakyRelu, PRelu, Max, Min, …): 1 per output element; HardSigmoid 3; HardSwish 4.</li>
 *   <li>LayerNormalization, InstanceNormalization, GroupNormalization: 5 per element (fvcore's convention).</li>
 *   <li>ConvTranspose: {@code 2·in spatial·weight elements + bias·out elements} (dims 1..).</li>
 *   <li>Upsample bilinear: 11 per output element.</li>
 * </ul>
 * Parameters are the elements of the weight and bias tensors each operator uses (a tensor shared between
 * operators, e.g. through {@code Identity}, counts once per use): Conv, ConvTranspose, Gemm: inputs 1 and 2;
 * BatchNormalization, LayerNormalization, InstanceNormalization, GroupNormalization: scale and bias only (2·C —
 * the running mean and variance are statistics, not parameters); PRelu: the slope; MatMul: its constant
 * operands; Add, Sub, Mul, Div: constant operands of more than one element (a bias or scale vector; scalar
 * constants are hyper-parameters). A constant is an initializer, a {@code Constant} output, or an
 * {@code Identity} of a constant.
 */
public final class StaticFeatureCalculator {
    static final String REFERENCE_TABLE_DOC = "Conv, Relu, Add, Sigmoid, Reshape, MaxPool, Split, "
            + "GlobalAveragePool, Gemm, Transpose, Upsample, BatchNormalization, Mul, Concat, Flatten, AveragePool, "
            + "Cast, Matmul, ReduceMean, Pow, Slice, Div, Sub, Sqrt, Clip, Softmax, Tanh, ConvTranspose";

    /** The keys of the reference's {@code flops_funcs}, spelling included. */
    static final Set<String> REFERENCE_TABLE = Set.of(REFERENCE_TABLE_DOC.split(", "));

    private static final Set<String> ELEMENT_WISE_REFERENCE = Set.of("Add", "Sigmoid", "Mul", "ReduceMean", "Pow",
            "Div", "Sub", "Sqrt", "Tanh");

    private static final Set<String> ELEMENT_WISE_EXTENDED = Set.of("Add", "Sigmoid", "Mul", "Pow", "Div", "Sub",
            "Sqrt", "Tanh", "Relu", "Clip", "LeakyRelu", "PRelu", "Elu", "Selu", "Celu", "Erf", "Exp", "Log", "Neg",
            "Abs", "Reciprocal", "Max", "Min", "Sum", "Mean", "Softplus", "Softsign", "Floor", "Ceil", "Round",
            "Sign", "Sin", "Cos", "Where", "Equal", "Less", "LessOrEqual", "Greater", "GreaterOrEqual", "Not",
            "And", "Or", "Xor", "Mod", "ThresholdedRelu");

    private static final Set<String> REDUCTIONS = Set.of("ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin",
            "ReduceProd", "ReduceL1", "ReduceL2", "ReduceSumSquare", "ReduceLogSum", "ReduceLogSumExp");

    private static final Set<String> NORMALIZATIONS = Set.of("BatchNormalization", "LayerNormalization",
            "InstanceNormalization", "GroupNormalization");

    private final StaticFeatureMode mode;

    public StaticFeatureCalculator(StaticFeatureMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        this.mode = mode;
    }

    public StaticFeatureMode mode() {
        return mode;
    }

    /** Sums FLOPs, parameters and memory access over the graph's nodes. */
    public StaticFeatures compute(NetworkGraph graph) {
        double flops = 0;
        double params = 0;
        double memoryAccess = 0;
        for (Node node : graph.nodes()) {
            if (!counted(node.opType())) {
                continue;
            }
            memoryAccess += elements(graph, node, node.outputShape(), node.name());
            if (node.outputIndex() == 0) {
                double p = mode == StaticFeatureMode.REFERENCE ? referenceParams(graph, node)
                        : extendedParams(graph, node);
                flops += mode == StaticFeatureMode.REFERENCE ? referenceFlops(graph, node)
                        : extendedFlops(graph, node);
                params += p;
                memoryAccess += p;
            }
        }
        return new StaticFeatures(flops, params, memoryAccess);
    }

    private boolean counted(String opType) {
        return mode == StaticFeatureMode.REFERENCE ? REFERENCE_TABLE.contains(opType) : !opType.equals("Input");
    }

    // ---------------------------------------------------------------- reference formulas

    private static double referenceFlops(NetworkGraph g, Node node) {
        String op = node.opType();
        if (ELEMENT_WISE_REFERENCE.contains(op)) {
            return out(g, node);
        }
        return switch (op) {
            case "Conv", "ConvTranspose" -> {
                long[] w = dims(g, node, 1);
                long ciK2 = product(w, 1);
                yield (double) product(outDims(g, node), 1) * (2 * ciK2 - 1 + bias(node));
            }
            case "Gemm" -> {
                long[] ciCo = gemmInOut(g, node);
                yield (double) ciCo[1] * (2 * ciCo[0] - 1 + bias(node));
            }
            case "Matmul" -> {
                long[] o = outDims(g, node);
                long[] a = dims(g, node, 0);
                yield (double) o[o.length - 2] * o[o.length - 1] * (2 * a[a.length - 1] - 1);
            }
            case "GlobalAveragePool" -> {
                long[] o = outDims(g, node);
                double kernel = (double) dims(g, node, 0)[3] / o[3];
                yield product(o, 1) * kernel;
            }
            case "AveragePool" -> (double) product(outDims(g, node), 1) * product(kernelShape(g, node), 0);
            case "BatchNormalization" -> (node.inputs().size() > 1 ? 4.0 : 2.0) * product(dims(g, node, 0), 0);
            case "Softmax" -> {
                long[] x = dims(g, node, 0);
                long n = x.length / x[0];
                yield 3.0 * n - 1;
            }
            case "Upsample" -> upsampleFlops(g, node, false);
            default -> 0.0;
        };
    }

    private static double referenceParams(NetworkGraph g, Node node) {
        return switch (node.opType()) {
            case "Conv", "ConvTranspose" -> {
                long[] w = dims(g, node, 1);
                yield (double) w[0] * (product(w, 1) + bias(node));
            }
            case "Gemm" -> {
                long[] ciCo = gemmInOut(g, node);
                yield (double) ciCo[1] * (ciCo[0] + bias(node));
            }
            case "BatchNormalization" -> (node.inputs().size() > 1 ? 4.0 : 2.0) * dims(g, node, 0)[1];
            default -> 0.0;
        };
    }

    // ---------------------------------------------------------------- extended formulas

    private static double extendedFlops(NetworkGraph g, Node node) {
        String op = node.opType();
        if (ELEMENT_WISE_EXTENDED.contains(op)) {
            return out(g, node);
        }
        if (REDUCTIONS.contains(op)) {
            return product(dims(g, node, 0), 0);
        }
        return switch (op) {
            case "Conv", "Gemm", "AveragePool", "BatchNormalization" -> referenceFlops(g, node);
            case "ConvTranspose" -> 2.0 * product(dims(g, node, 0), 2) * product(dims(g, node, 1), 0)
                    + (double) bias(node) * product(outDims(g, node), 1);
            case "MatMul", "Matmul" -> {
                long[] a = dims(g, node, 0);
                yield out(g, node) * (2.0 * a[a.length - 1] - 1);
            }
            case "GlobalAveragePool" -> product(dims(g, node, 0), 1);
            case "Softmax", "LogSoftmax" -> {
                long[] x = dims(g, node, 0);
                int axis = (int) node.intAttribute("axis", -1);
                long length = x.length == 0 ? 1 : Math.max(1, x[axis < 0 ? axis + x.length : axis]);
                double e = product(x, 0);
                yield 3 * e - e / length;
            }
            case "HardSigmoid" -> 3.0 * out(g, node);
            case "HardSwish" -> 4.0 * out(g, node);
            case "LayerNormalization", "InstanceNormalization", "GroupNormalization" ->
                    5.0 * product(dims(g, node, 0), 0);
            case "Upsample" -> upsampleFlops(g, node, true);
            default -> 0.0;
        };
    }

    private static double extendedParams(NetworkGraph g, Node node) {
        String op = node.opType();
        List<Operand> in = node.inputs();
        if (NORMALIZATIONS.contains(op)) {
            return operandElements(g, node, 1) + operandElements(g, node, 2);
        }
        return switch (op) {
            case "Conv", "ConvTranspose", "Gemm" -> operandElements(g, node, 1) + operandElements(g, node, 2);
            case "PRelu" -> operandElements(g, node, 1);
            case "MatMul", "Add", "Sub", "Mul", "Div" -> {
                long minElements = op.equals("MatMul") ? 1 : 2;
                double p = 0;
                for (int i = 0; i < in.size(); i++) {
                    if (isConstant(g, in.get(i))) {
                        long e = product(dims(g, node, i), 0);
                        if (e >= minElements) {
                            p += e;
                        }
                    }
                }
                yield p;
            }
            default -> 0.0;
        };
    }

    /** An initializer or Constant output, or an Identity (chain) of one. */
    private static boolean isConstant(NetworkGraph g, Operand operand) {
        if (operand.constant()) {
            return true;
        }
        int producer = g.indexOf(operand.name());
        if (producer < 0) {
            return false;
        }
        Node p = g.node(producer);
        return p.opType().equals("Identity") && !p.inputs().isEmpty() && isConstant(g, p.inputs().get(0));
    }

    // ---------------------------------------------------------------- shared helpers

    private static double upsampleFlops(NetworkGraph g, Node node, boolean extended) {
        String mode = node.stringAttribute("mode", "nearest");
        long perOutput = product(outDims(g, node), 1);
        return switch (mode) {
            case "linear" -> 5.0 * perOutput;
            case "bicubic" -> 259.0 * perOutput;
            case "trilinear" -> 31.0 * perOutput;
            case "bilinear" -> {
                if (!extended) {
                    throw new BadInputException(g.name(), "node '" + node.name() + "'",
                            "the reference FLOPs code fails on Upsample mode 'bilinear' (and drops the file); "
                                    + "use the extended static-feature mode");
                }
                yield 11.0 * perOutput;
            }
            default -> 0.0;
        };
    }

    /** (Ci, Co) of a Gemm from its weight shape and {@code transB}. */
    private static long[] gemmInOut(NetworkGraph g, Node node) {
        long[] w = dims(g, node, 1);
        if (w.length < 2) {
            throw new BadInputException(g.name(), "node '" + node.name() + "'",
                    "Gemm weight has rank " + w.length + ", expected 2");
        }
        long a = w[w.length - 2];
        long b = w[w.length - 1];
        return node.intAttribute("transB", 0) != 0 ? new long[] {b, a} : new long[] {a, b};
    }

    private static long[] kernelShape(NetworkGraph g, Node node) {
        List<Long> k = node.intsAttribute("kernel_shape");
        if (k.isEmpty()) {
            throw new BadInputException(g.name(), "node '" + node.name() + "'", node.opType()
                    + " has no kernel_shape attribute");
        }
        long[] a = new long[k.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = k.get(i);
        }
        return a;
    }

    private static int bias(Node node) {
        return node.inputs().size() == 3 ? 1 : 0;
    }

    private static double out(NetworkGraph g, Node node) {
        return elements(g, node, node.outputShape(), node.name());
    }

    private static double operandElements(NetworkGraph g, Node node, int input) {
        return input < node.inputs().size() ? product(dims(g, node, input), 0) : 0;
    }

    private static long[] outDims(NetworkGraph g, Node node) {
        return known(g, node, node.outputShape(), node.name()).dims();
    }

    private static long[] dims(NetworkGraph g, Node node, int input) {
        if (input >= node.inputs().size()) {
            throw new BadInputException(g.name(), "node '" + node.name() + "'", node.opType() + " has "
                    + node.inputs().size() + " inputs; input " + input + " is needed for its static features");
        }
        Operand o = node.inputs().get(input);
        return known(g, node, o.shape(), o.name()).dims();
    }

    private static double elements(NetworkGraph g, Node node, TensorShape shape, String tensor) {
        return known(g, node, shape, tensor).elementCount();
    }

    private static TensorShape known(NetworkGraph g, Node node, TensorShape shape, String tensor) {
        if (!shape.isKnown()) {
            throw new BadInputException(g.name(), "node '" + node.name() + "'",
                    "tensor '" + tensor + "' has no inferred shape; static features need shapes");
        }
        return shape;
    }

    private static long product(long[] dims, int from) {
        long p = 1;
        for (int i = from; i < dims.length; i++) {
            p *= dims[i];
        }
        return p;
    }
}
