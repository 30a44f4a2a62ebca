package org.narformer.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.narformer.data.GraphSource;
import org.narformer.data.NnlqpReader;
import org.narformer.data.Sample;
import org.narformer.data.Stage;
import org.narformer.data.Targets;
import org.narformer.tokenizer.TokenizedGraph;
import org.junit.jupiter.api.Test;

class LatencyDatasetItemTest {
    private static final LatencyExperimentConfig REFERENCE = new LatencyExperimentConfig(1, 8, 1, 1, 1, 0.1);
    private static final LatencyExperimentConfig WITH_RAW = new LatencyExperimentConfig(1, 8, 1, 1, 1, 0.1,
            null, null, LatencyExperimentConfig.StaticFeatures.WITH_RAW, LatencyExperimentConfig.StaticFeatures.WITH_RAW,
            0);

    private static LatencyDataset.Item item() {
        Sample sample = new Sample("n0", new GraphSource.Onnx(Path.of("n0.onnx"), 1),
                Targets.of(List.of(NnlqpReader.LATENCY), 2.0), "f", Stage.TRAIN, 0, 1);
        TokenizedGraph v2 = new TokenizedGraph(2, 3, new float[] {1, 2, 3, 4, 5, 6},
                new boolean[] {false, true, true, false}, new float[] {0.5f, -0.5f});
        TokenizedGraph nnlp = new TokenizedGraph(2, 1, new float[] {7, 8},
                new boolean[] {false, true, true, false}, new float[] {1f, 3.6f, 0.01f, 0.2f});
        TokenizedGraph v1 = new TokenizedGraph(3, 2, new float[] {1, 2, 3, 4, 5, 6}, new boolean[9],
                new float[] {0.25f});
        return new LatencyDataset.Item(sample, v2, nnlp, v1);
    }

    @Test
    void referenceStaticFeaturesAreTheSinusoidsOnly() {
        LatencyDataset.Item item = item();
        assertSame(item.v2(), item.graph(LatencyMethod.V2, REFERENCE));
        assertSame(item.nnlp(), item.graph(LatencyMethod.NNLP, WITH_RAW));
    }

    @Test
    void withRawAppendsNnlpsRawStaticVectorAndKeepsTheTokens() {
        LatencyDataset.Item item = item();
        TokenizedGraph g = item.graph(LatencyMethod.V2, WITH_RAW);
        assertArrayEquals(new float[] {0.5f, -0.5f, 1f, 3.6f, 0.01f, 0.2f}, g.staticFeatures());
        assertSame(item.v2().tokens(), g.tokens());
        assertSame(item.v2().adjacency(), g.adjacency());
        assertArrayEquals(new float[] {0.5f, -0.5f}, item.v2().staticFeatures(), "the item is not changed");
        TokenizedGraph v1 = item.graph(LatencyMethod.V1, WITH_RAW);
        assertArrayEquals(new float[] {0.25f, 1f, 3.6f, 0.01f, 0.2f}, v1.staticFeatures());
        assertSame(item.v1().tokens(), v1.tokens());
        assertSame(item.v1(), item.graph(LatencyMethod.V1, REFERENCE));
    }

    @Test
    void regressionsHaveNoGraphInput() {
        assertThrows(IllegalArgumentException.class, () -> item().graph(LatencyMethod.FLOPS, REFERENCE));
    }
}
