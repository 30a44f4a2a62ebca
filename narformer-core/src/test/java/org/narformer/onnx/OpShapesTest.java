package org.narformer.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.narformer.BadInputException;
import org.narformer.graph.AttributeValue;

/** Operator shape rules against hand-computed shapes (ONNX operator specification). */
class OpShapesTest {

    /** One operator on float inputs of the given shapes (stripped initializers) and int64 constant inputs. */
    private static final class Case {
        private final OnnxModelBuilder b;
        private final List<String> inputs = new ArrayList<>();
        private final Map<String, AttributeValue> attrs = new LinkedHashMap<>();

        Case(int opset) {
            b = OnnxModelBuilder.create("case", opset);
            inputs.add(b.input("x", batchless()));
        }

        private long[] batchless() {
            return new long[0];
        }

        Case x(long... dims) {
            inputs.clear();
            inputs.add(b.input("x0", dims));
            return this;
        }

        Case tensor(long... dims) {
            inputs.add(b.weight("t" + inputs.size(), dims));
            return this;
        }

        Case ints(long... values) {
            inputs.add(b.initializer("i" + inputs.size(), new long[] {values.length}, values));
            return this;
        }

        Case floats(float... values) {
            inputs.add(b.initializer("f" + inputs.size(), new long[] {values.length}, values));
            return this;
        }

        Case absent() {
            inputs.add("");
            return this;
        }

        Case noX() {
            inputs.clear();
            return this;
        }

        Case list(String key, long... v) {
            attrs.put(key, AttributeValue.Ints.of(v));
            return this;
        }

        Case attr(String key, long v) {
            attrs.put(key, new AttributeValue.Int(v));
            return this;
        }

        Case attr(String key, String v) {
            attrs.put(key, new AttributeValue.Str(v));
            return this;
        }

        TensorInfo run(String op) {
            return run(op, 1).get(0);
        }

        List<TensorInfo> run(String op, int outputs) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < outputs; i++) {
                names.add("y" + i);
            }
            b.node(op, names, inputs, attrs);
            OnnxModel m = b.buildUnchecked();
            Map<String, TensorInfo> all = OnnxShapeInference.infer(m.proto(),
                    OnnxGraphs.topologicalOrder(m.proto().getGraph(), "case"), 1, "case");
            return names.stream().map(all::get).toList();
        }
    }

    private static Case op(int opset) {
        return new Case(opset);
    }

    private static void dims(TensorInfo t, long... expected) {
        assertArrayEquals(expected, t.dims(), t.toString());
    }

    @Test
    void convolution() {
        dims(op(11).x(1, 3, 224, 224).tensor(64, 3, 7, 7).list("strides", 2, 2).list("pads", 3, 3, 3, 3)
                .run("Conv"), 1, 64, 112, 112);
        dims(op(11).x(1, 8, 20, 20).tensor(8, 1, 3, 3).attr("group", 8).list("dilations", 2, 2).run("Conv"),
                1, 8, 16, 16);
        dims(op(11).x(1, 4, 7, 7).tensor(6, 4, 3, 3).list("strides", 2, 2).attr("auto_pad", "SAME_UPPER")
                .run("Conv"), 1, 6, 4, 4);
        dims(op(11).x(1, 4, 7, 9).tensor(6, 4, 3, 3).attr("auto_pad", "VALID").run("Conv"), 1, 6, 5, 7);
        dims(op(11).x(1, 4, 10).tensor(2, 4, 3).tensor(2).run("Conv"), 1, 2, 8);
    }

    @Test
    void convTranspose() {
        dims(op(11).x(1, 8, 7, 7).tensor(8, 4, 4, 4).list("strides", 2, 2).list("pads", 1, 1, 1, 1)
                .run("ConvTranspose"), 1, 4, 14, 14);
        dims(op(11).x(1, 8, 7, 7).tensor(8, 2, 3, 3).attr("group", 2).list("strides", 2, 2)
                .list("output_padding", 1, 1).run("ConvTranspose"), 1, 4, 16, 16);
        dims(op(11).x(1, 8, 7, 7).tensor(8, 4, 3, 3).list("output_shape", 15, 15).run("ConvTranspose"),
                1, 4, 15, 15);
    }

    @Test
    void pooling() {
        dims(op(11).x(1, 64, 112, 112).list("kernel_shape", 3, 3).list("strides", 2, 2).list("pads", 1, 1, 1, 1)
                .run("MaxPool"), 1, 64, 56, 56);
        dims(op(11).x(1, 64, 112, 112).list("kernel_shape", 3, 3).list("strides", 2, 2).attr("ceil_mode", 1)
                .run("MaxPool"), 1, 64, 56, 56);
        dims(op(11).x(1, 64, 112, 112).list("kernel_shape", 3, 3).list("strides", 2, 2).run("MaxPool"),
                1, 64, 55, 55);
        List<TensorInfo> withIndices = op(11).x(1, 2, 4, 4).list("kernel_shape", 2, 2).list("strides", 2, 2)
                .run("MaxPool", 2);
        dims(withIndices.get(1), 1, 2, 2, 2);
        assertEquals(OnnxDataType.INT64.code(), withIndices.get(1).elemType());
        dims(op(11).x(1, 16, 13, 13).list("kernel_shape", 3, 3).list("strides", 1, 1).list("pads", 1, 1, 1, 1)
                .run("AveragePool"), 1, 16, 13, 13);
        dims(op(11).x(2, 16, 13, 9).run("GlobalAveragePool"), 1, 16, 1, 1);
    }

    @Test
    void matrixProducts() {
        dims(op(13).x(2, 1, 3, 4).tensor(5, 4, 6).run("MatMul"), 1, 5, 3, 6);
        dims(op(13).noX().tensor(4).tensor(3, 4, 6).run("MatMul"), 3, 6);
        dims(op(13).x(2, 3, 4).tensor(4).run("MatMul"), 1, 3);
        dims(op(13).noX().tensor(7, 3).tensor(10, 7).attr("transA", 1).attr("transB", 1).run("Gemm"), 3, 10);
    }

    @Test
    void reshapingOperators() {
        dims(op(13).x(1, 512, 1, 1).run("Flatten"), 1, 512);
        dims(op(13).x(1, 3, 4, 5).attr("axis", 0).run("Flatten"), 1, 60);
        dims(op(13).x(1, 2, 3).run("Transpose"), 3, 2, 1);
        dims(op(11).x(1, 1, 5, 1).list("axes", 1).run("Squeeze"), 1, 5, 1);
        dims(op(13).x(1, 1, 5, 1).ints(-1).run("Squeeze"), 1, 1, 5);
        dims(op(13).x(1, 1, 5, 1).run("Squeeze"), 5); // every unit axis, the batch axis included
        dims(op(11).x(3, 4).list("axes", 0, -1).run("Unsqueeze"), 1, 1, 4, 1);
        dims(op(13).x(1, 12).ints(0, -1, 3).run("Reshape"), 1, 4, 3);
        dims(op(13).x(1, 3, 4).ints(3, 1).run("Expand"), 1, 3, 4);
        dims(op(13).x(1, 3, 4).ints(2, 1, 1, 1).run("Expand"), 2, 1, 3, 4);
        dims(op(13).x(1, 3, 4).ints(2, 1, 3).run("Tile"), 2, 3, 12);
        dims(op(13).x(1, 12, 4, 4).attr("blocksize", 2).run("DepthToSpace"), 1, 3, 8, 8);
        dims(op(13).x(1, 3, 8, 8).attr("blocksize", 2).run("SpaceToDepth"), 1, 12, 4, 4);
    }

    @Test
    void slicingSplittingPadding() {
        dims(op(13).x(1, 10, 8).ints(-3).ints(Long.MAX_VALUE).ints(1).run("Slice"), 1, 3, 8);
        dims(op(13).x(1, 10, 8).ints(-1).ints(Long.MIN_VALUE).ints(1).ints(-2).run("Slice"), 1, 5, 8);
        dims(op(9).x(1, 10, 8).list("starts", 2).list("ends", 100).list("axes", 2).run("Slice"), 1, 10, 6);
        List<TensorInfo> parts = op(11).x(1, 6, 4).attr("axis", 1).run("Split", 3);
        dims(parts.get(2), 1, 2, 4);
        List<TensorInfo> uneven = op(13).x(1, 6, 4).ints(1, 5).attr("axis", 1).run("Split", 2);
        dims(uneven.get(1), 1, 5, 4);
        dims(op(11).x(1, 3, 4, 4).ints(0, 0, 1, 2, 0, 0, 1, 2).run("Pad"), 1, 3, 6, 8);
        dims(op(7).x(1, 3, 4, 4).list("pads", 0, 0, 1, 1, 0, 0, 1, 1).run("Pad"), 1, 3, 6, 6);
    }

    @Test
    void resizing() {
        dims(op(13).x(1, 3, 4, 5).absent().floats(1, 1, 2, 2).run("Resize"), 1, 3, 8, 10);
        dims(op(11).x(1, 3, 4, 5).floats().floats().ints(1, 3, 7, 9).run("Resize"), 1, 3, 7, 9);
        dims(op(10).x(1, 3, 4, 5).floats(1, 1, 1.5f, 2).run("Resize"), 1, 3, 6, 10);
        dims(op(9).x(1, 3, 4, 5).floats(1, 1, 2, 2).run("Upsample"), 1, 3, 8, 10);
    }

    @Test
    void reductions() {
        dims(op(13).x(1, 3, 4, 5).list("axes", 2, 3).attr("keepdims", 0).run("ReduceMean"), 1, 3);
        dims(op(18).x(1, 3, 4, 5).ints(-1).run("ReduceMean"), 1, 3, 4, 1);
        dims(op(13).x(1, 3, 4, 5).ints(1).attr("keepdims", 0).run("ReduceSum"), 1, 4, 5);
        dims(op(13).x(1, 3, 4, 5).run("ReduceMax"), 1, 1, 1, 1);
        dims(op(13).x(1, 3, 4).attr("axis", 1).attr("keepdims", 0).run("ArgMax"), 1, 4);
        List<TensorInfo> top = op(11).x(1, 10).ints(3).run("TopK", 2);
        dims(top.get(0), 1, 3);
        assertEquals(OnnxDataType.INT64.code(), top.get(1).elemType());
    }

    @Test
    void constantFolding() {
        TensorInfo shape = op(13).x(2, 3, 5).run("Shape");
        assertArrayEquals(new double[] {1, 3, 5}, shape.values());
        TensorInfo tail = op(15).x(2, 3, 5).attr("start", -2).run("Shape");
        assertArrayEquals(new double[] {3, 5}, tail.values());
        TensorInfo range = op(13).noX().ints(2).ints(11).ints(3).run("Range");
        dims(range, 3);
        assertArrayEquals(new double[] {2, 5, 8}, range.values());
        TensorInfo size = op(13).x(2, 3, 5).run("Size");
        dims(size);
        assertArrayEquals(new double[] {15}, size.values());
        TensorInfo fill = op(13).noX().ints(2, 3).run("ConstantOfShape");
        dims(fill, 2, 3);
        assertEquals(6, fill.values().length);
        // data tensors are never folded
        assertNull(op(13).x(1, 4).tensor(4).run("Add").values());
    }

    @Test
    void foldingRulesDirectly() {
        OpShapes rules = new OpShapes(13);
        TensorInfo a = TensorInfo.withValues(OnnxDataType.INT64.code(), new long[] {2}, new double[] {-7, 7});
        TensorInfo two = TensorInfo.withValues(OnnxDataType.INT64.code(), new long[0], new double[] {2});
        var div = ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setOpType("Div").build();
        assertArrayEquals(new double[] {-3, 3}, rules.infer(div, new TensorInfo[] {a, two})[0].values());
        var gather = ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setOpType("Gather").build();
        TensorInfo scalar = rules.infer(gather, new TensorInfo[] {a, TensorInfo.withValues(
                OnnxDataType.INT64.code(), new long[0], new double[] {-1})})[0];
        dims(scalar);
        assertArrayEquals(new double[] {7}, scalar.values());
        var cast = ai.onnx.proto.OnnxMl.NodeProto.newBuilder().setOpType("Cast").addAttribute(
                Attributes.toProto("to", new AttributeValue.Int(OnnxDataType.FLOAT.code()))).build();
        assertEquals(OnnxDataType.FLOAT.code(), rules.infer(cast, new TensorInfo[] {a})[0].elemType());
    }

    @Test
    void recurrentAndRegionOperators() {
        List<TensorInfo> lstm = op(13).x(1, 5, 8).tensor(2, 64, 8).tensor(2, 64, 16).attr("hidden_size", 16)
                .attr("direction", "bidirectional").run("LSTM", 3);
        dims(lstm.get(0), 1, 2, 5, 16);
        dims(lstm.get(2), 2, 5, 16);
        dims(op(13).x(1, 256, 14, 14).tensor(10, 4).tensor(10).attr("output_height", 7).attr("output_width", 7)
                .run("RoiAlign"), 10, 256, 7, 7);
        dims(op(11).x(1, 3, 4, 4).tensor(1, 3, 4, 4).list("kernel_shape", 2, 2).list("strides", 2, 2)
                .run("MaxUnpool"), 1, 3, 8, 8);
        dims(op(13).x(1, 3, 3).run("Det"), 1);
    }

    @Test
    void einsum() {
        dims(op(12).x(1, 4, 5).tensor(1, 5, 6).attr("equation", "bij,bjk->bik").run("Einsum"), 1, 4, 6);
        dims(op(12).x(1, 4).tensor(4, 7).attr("equation", "ij,jk").run("Einsum"), 1, 7);
        dims(op(12).x(1, 3, 4, 5).tensor(5, 2).attr("equation", "...ij,jk->...ik").run("Einsum"), 1, 3, 4, 2);
        dims(op(12).x(1, 8, 8).attr("equation", "bii->b").run("Einsum"), 1);
    }

    /** Upsampling by a computed size, as PyTorch exports {@code F.interpolate(x, scale_factor=2)}. */
    @Test
    void resizeToAComputedSize() {
        OnnxModelBuilder b = OnnxModelBuilder.create("interp", 11);
        String x = b.input("x", 1, 3, 5, 7);
        String shape = b.node("Shape", "shape", List.of(x), Map.of());
        String hw = b.node("Slice", "hw", List.of(shape, b.initializer("st", new long[] {1}, new long[] {2}),
                b.initializer("en", new long[] {1}, new long[] {4})), Map.of());
        String hwF = b.node("Cast", "hw_f", List.of(hw), Map.of("to", new AttributeValue.Int(1)));
        String scaled = b.node("Mul", "scaled", List.of(hwF, b.constant("two", new long[] {1}, new float[] {2f})),
                Map.of());
        String floor = b.node("Floor", "floor", List.of(scaled), Map.of());
        String hwI = b.node("Cast", "hw_i", List.of(floor), Map.of("to", new AttributeValue.Int(7)));
        String nc = b.node("Slice", "nc", List.of(shape, b.initializer("st0", new long[] {1}, new long[] {0}),
                b.initializer("en0", new long[] {1}, new long[] {2})), Map.of());
        String sizes = b.node("Concat", "sizes", List.of(nc, hwI), Map.of("axis", new AttributeValue.Int(0)));
        String empty = b.initializer("empty", new long[] {0}, new float[0]);
        String y = b.node("Resize", "y", List.of(x, empty, empty, sizes), Map.of("mode",
                new AttributeValue.Str("nearest")));
        String count = b.node("ReduceProd", "count", List.of(hwI), Map.of("keepdims", new AttributeValue.Int(0)));
        String flat = b.node("Reshape", "flat", List.of(y, b.node("Concat", "flat_shape", List.of(
                b.initializer("minus1", new long[] {1}, new long[] {-1}),
                b.node("Unsqueeze", "n3", List.of(b.node("Mul", "c3", List.of(count, b.initializer("three",
                        new long[0], new long[] {3})), Map.of())), Map.of("axes", AttributeValue.Ints.of(0)))),
                Map.of("axis", new AttributeValue.Int(0)))), Map.of());
        b.output(flat);
        var g = b.build().toGraph(OnnxImportConfig.defaults().withBatchSize(2));
        assertEquals(org.narformer.graph.TensorShape.of(2, 3, 10, 14), g.node(g.indexOf("y")).outputShape());
        assertEquals(org.narformer.graph.TensorShape.of(2, 420), g.node(g.indexOf("flat")).outputShape());
    }

    @Test
    void parameterShapesAreChecked() {
        assertThrows(BadInputException.class, () -> op(11).x(1, 3, 8, 8).tensor(4, 3, 3, 3).tensor(5).run("Conv"));
        assertThrows(BadInputException.class, () -> op(11).x(1, 4, 8, 8).tensor(4).tensor(4).tensor(4).tensor(3)
                .run("BatchNormalization"));
        assertThrows(BadInputException.class, () -> op(11).x(1, 8).tensor(10, 8).tensor(9).attr("transB", 1)
                .run("Gemm"));
        dims(op(11).x(1, 8).tensor(10, 8).tensor(10).attr("transB", 1).run("Gemm"), 1, 10);
    }

    @Test
    void kernelLargerThanInputIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> op(11).x(1, 3, 2, 2).tensor(4, 3, 5, 5).run("Conv"));
        assertEquals("node 'y0' (Conv)", e.location().orElseThrow());
    }
}
