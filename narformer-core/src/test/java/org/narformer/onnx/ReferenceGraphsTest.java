package org.narformer.onnx;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Builder-made graphs against the official V2 code's {@code onnx2nx} (see {@link ReferenceGraphs}). The
 * encoder's reference shapes are incomplete (ONNX's inference does not propagate the Shape→Reshape chain and
 * drops rank-0 tensors), so only its structure is compared.
 */
class ReferenceGraphsTest {

    @Test
    void builtModelsMatchTheReferenceConstruction() throws IOException {
        Map<String, ReferenceGraphs.Row> rows = ReferenceGraphs.load();
        for (int batch : new int[] {1, 8}) {
            OnnxImportConfig config = OnnxImportConfig.defaults().withBatchSize(batch);
            ReferenceGraphs.assertMatches(rows.get("miniResNet.onnx@" + batch),
                    OnnxModelTest.miniResNet().toGraph(config));
            ReferenceGraphs.assertMatches(rows.get("encoderLayer.onnx@" + batch),
                    TransformerShapesTest.encoderLayer().toGraph(config));
        }
    }
}
