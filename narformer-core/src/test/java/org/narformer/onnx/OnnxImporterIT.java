package org.narformer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.data.DataDirectory;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.graph.Operand;
import org.narformer.graph.TensorShape;

/** Imports the real ONNX files under {@code shared/data/onnx}. */
class OnnxImporterIT {

    private static Path onnxDir() {
        var data = DataDirectory.find(null);
        assumeTrue(data.isPresent(), "shared data directory not found: set NARFORMER_DATA or --data");
        return data.get().root().resolve("onnx");
    }

    private static List<Path> onnxFiles() throws IOException {
        try (Stream<Path> s = Files.list(onnxDir())) {
            return s.filter(p -> p.toString().endsWith(".onnx")).sorted().toList();
        }
    }

    @Test
    void resnet18GoldenCountsMatchTheReferenceRun() {
        NetworkGraph g = OnnxImporter.read(onnxDir().resolve("resnet18-v1-7-no-weight.onnx"));
        assertEquals(70, g.nodeCount());
        assertEquals(Map.of("Input", 1, "Conv", 20, "BatchNormalization", 20, "Relu", 17, "Add", 8,
                "MaxPool", 1, "GlobalAveragePool", 1, "Flatten", 1, "Gemm", 1), g.opHistogram());
        assertEquals(77, g.edgeCount());
        int nonzeros = 0;
        for (boolean b : g.symmetricAdjacency()) {
            nonzeros += b ? 1 : 0;
        }
        assertEquals(154, nonzeros);
        Map<Integer, Integer> degrees = new TreeMap<>();
        for (int i = 0; i < g.nodeCount(); i++) {
            degrees.merge(g.undirectedDegree(i), 1, Integer::sum);
        }
        assertEquals(Map.of(1, 2, 2, 52, 3, 16), degrees);

        Node input = g.node(g.sources().get(0));
        assertEquals("Input", input.opType());
        assertEquals(TensorShape.of(1, 3, 224, 224), input.outputShape());
        Node gemm = g.nodes().stream().filter(n -> n.opType().equals("Gemm")).findFirst().orElseThrow();
        assertEquals(TensorShape.of(1, 1000), gemm.outputShape());
        assertEquals(TensorShape.of(1000, 512), gemm.inputs().get(1).shape());
        assertTrue(gemm.inputs().get(1).constant());
        Node conv1 = g.nodes().stream().filter(n -> n.opType().equals("Conv")).findFirst().orElseThrow();
        assertEquals(TensorShape.of(1, 64, 112, 112), conv1.outputShape());
        assertEquals(TensorShape.of(64, 3, 7, 7), conv1.inputs().get(1).shape());
    }

    @Test
    void batchSizeIsForcedOnTheInputAndPropagates() {
        NetworkGraph g = OnnxImporter.read(onnxDir().resolve("resnet18-v1-7-no-weight.onnx"),
                OnnxImportConfig.defaults().withBatchSize(8));
        assertEquals(TensorShape.of(8, 3, 224, 224), g.node(g.sources().get(0)).outputShape());
        Node gemm = g.nodes().stream().filter(n -> n.opType().equals("Gemm")).findFirst().orElseThrow();
        assertEquals(TensorShape.of(8, 1000), gemm.outputShape());
    }

    @Test
    void everySharedFileImportsWithAKnownShapeOnEveryNode() throws IOException {
        List<Path> files = onnxFiles();
        assertEquals(10, files.size());
        for (Path f : files) {
            NetworkGraph g = OnnxImporter.read(f);
            for (Node n : g.nodes()) {
                assertTrue(n.outputShape().isKnown(), f + ": " + n.name());
                for (Operand o : n.inputs()) {
                    assertTrue(o.name().isEmpty() || o.shape().isKnown(), f + ": " + n.name() + " " + o.name());
                }
            }
            // every classifier ends in a [1, 1000] tensor
            Node last = g.node(g.nodeCount() - 1);
            assertEquals(TensorShape.of(1, 1000), last.outputShape(), f.toString());
            System.out.println(f.getFileName() + " nodes=" + g.nodeCount() + " edges=" + g.edgeCount() + " "
                    + g.opHistogram());
        }
    }

    @Test
    void rewritingEachSharedFileGivesTheSameGraph(@TempDir Path tmp) throws IOException {
        for (Path f : onnxFiles()) {
            OnnxModel model = OnnxModel.read(f);
            Path copy = tmp.resolve(f.getFileName());
            model.write(copy);
            NetworkGraph a = model.toGraph();
            NetworkGraph b = OnnxModel.read(copy).toGraph();
            assertEquals(a.nodes(), b.nodes(), f.toString());
            assertEquals(a.edges(), b.edges(), f.toString());
        }
    }

    /** torchvision exports share conv biases through Identity nodes: reference vs corrected construction. */
    @Test
    void torchvisionIdentityNodesInBothModes() {
        Path f = onnxDir().resolve("resnet18-noweight.onnx");
        NetworkGraph ref = OnnxImporter.read(f);
        assertEquals(Map.of("Input", 5, "Identity", 16, "Conv", 20, "Relu", 17, "Add", 8, "MaxPool", 1,
                "GlobalAveragePool", 1, "Flatten", 1, "Gemm", 1), ref.opHistogram());
        NetworkGraph folded = OnnxImporter.read(f, OnnxImportConfig.defaults().withFoldConstantIdentities(true));
        assertEquals(Map.of("Input", 1, "Conv", 20, "Relu", 17, "Add", 8, "MaxPool", 1,
                "GlobalAveragePool", 1, "Flatten", 1, "Gemm", 1), folded.opHistogram());
        // the shared bias is still seen as a constant operand of the right shape
        for (Node n : folded.nodes()) {
            if (n.opType().equals("Conv")) {
                assertTrue(n.inputs().get(2).constant(), n.name());
                assertEquals(n.outputShape().dim(1), n.inputs().get(2).shape().dim(0));
            }
        }
    }

    /** Every shared file but the two with 60M+ parameters (alexnet, vgg16), to keep the suite fast. */
    @Test
    void randomWeightsMakeEverySharedFileComplete() throws IOException {
        for (Path f : onnxFiles()) {
            if (f.getFileName().toString().startsWith("alexnet") || f.getFileName().toString().startsWith("vgg")) {
                continue;
            }
            OnnxModel stripped = OnnxModel.read(f);
            assertTrue(stripped.strippedInitializerCount() > 0, f.toString());
            OnnxModel filled = stripped.withRandomWeights(1);
            assertEquals(0, filled.strippedInitializerCount(), f.toString());
            assertEquals(stripped.toGraph().nodes(), filled.toGraph().nodes(), f.toString());
        }
    }
}
