package org.narformer.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Optional;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.narformer.data.DataDirectory;
import org.narformer.graph.NetworkGraph;
import org.narformer.graph.Node;
import org.narformer.onnx.OnnxModel;

/** Base architectures match the torchvision exports; variants of every family import and run. */
class ModelFamilyIT {
    private static final Map<ModelFamily, String> EXPORTS = Map.of(
            ModelFamily.ALEXNET, "alexnet", ModelFamily.VGG16, "vgg16", ModelFamily.RESNET18, "resnet18",
            ModelFamily.SQUEEZENET, "squeezenet1_0", ModelFamily.GOOGLENET, "googlenet",
            ModelFamily.MOBILENETV2, "mobilenet_v2", ModelFamily.MOBILENETV3, "mobilenet_v3_small",
            ModelFamily.MNASNET, "mnasnet1_0", ModelFamily.EFFICIENTB0, "efficientnet_b0");

    @Test
    void baseMacsAndConvCountsEqualTorchvisionExports() {
        Optional<DataDirectory> data = DataDirectory.find(null);
        Assumptions.assumeTrue(data.isPresent(), "shared data directory not found (../shared/data or NARFORMER_DATA)");
        EXPORTS.forEach((family, file) -> {
            NetworkStats ours = NetworkStats.of(family.base().toGraph());
            NetworkStats theirs = NetworkStats.of(OnnxModel.read(data.get().file("onnx/" + file + "-noweight.onnx"))
                    .toGraph());
            assertEquals(theirs.macCount(), ours.macCount(), file + " MACs");
            assertEquals(theirs.opCounts().get("Conv"), ours.opCounts().get("Conv"), file + " Conv count");
            assertEquals(theirs.opCounts().get("Gemm"), ours.opCounts().get("Gemm"), file + " Gemm count");
        });
    }

    @Test
    void variantsOfEveryFamilyImportWithShapesAndRunInOnnxRuntime() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (ModelFamily family : ModelFamily.values()) {
            NetworkGraph graph = family.variant(11, ModelFamily.DEFAULT_MIN_SCALE, ModelFamily.DEFAULT_MAX_SCALE)
                    .toGraph();
            for (Node n : graph.nodes()) {
                assertTrue(n.outputShape().isKnown(), family + " node " + n.name());
            }
            // a narrow channel range keeps the ONNX Runtime part of the test small
            OnnxModel model = family.variant(12, 0.2, 0.5).withRandomWeights(5);
            int size = family == ModelFamily.NASBENCH201 ? 32 : 224;
            int classes = family == ModelFamily.NASBENCH201 ? 10 : 1000;
            try (OrtSession session = env.createSession(model.toBytes(), new OrtSession.SessionOptions());
                 OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[3 * size * size]),
                         new long[] {1, 3, size, size});
                 OrtSession.Result r = session.run(Map.of("input", x))) {
                assertArrayEquals(new long[] {1, classes}, ((OnnxTensor) r.get(0)).getInfo().getShape(),
                        family.familyName());
            }
        }
    }
}
