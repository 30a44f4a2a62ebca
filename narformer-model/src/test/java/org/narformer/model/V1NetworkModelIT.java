package org.narformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.narformer.data.DataDirectory;
import org.narformer.onnx.OnnxImporter;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.V1NetworkTokenizer;
import org.narformer.train.Predictor;
import org.narformer.train.TrainConfig;
import org.narformer.train.Trainer;
import org.narformer.train.TrainingResult;
import org.narformer.train.TrainingSample;

/** NAR-Former V1's whole-network variant on real networks (docs/V1-NNLQP-SPEC.md §2). */
class V1NetworkModelIT {
    private static final V1NetworkTokenizer TOKENIZER = V1NetworkTokenizer.reference(1);
    /** The reference's 960-d width and head; one encoder block, FFN 64, one fusion stage: small enough for a test. */
    private static final V1Config SMALL = new V1Config(960, 6, 64, 0.1f, 1, 1, true, 256);
    /** The same at width 48 behind the CPU-size input projection 960 → 48. */
    private static final V1Config PROJECTED = SMALL.withModelWidth(48);

    @TempDir
    Path tmp;

    private static List<TokenizedGraph> networks() {
        Optional<DataDirectory> data = DataDirectory.find(null);
        Assumptions.assumeTrue(data.isPresent(), "no data directory (../shared/data, NARFORMER_DATA): skipping");
        return List.of("alexnet-noweight.onnx", "resnet18-v1-7-no-weight.onnx", "vgg16-noweight.onnx",
                        "squeezenet1_0-noweight.onnx").stream()
                .map(f -> TOKENIZER.tokenize(OnnxImporter.read(data.get().file("onnx/" + f)))).toList();
    }

    /**
     * The spec's count (§2.6) without the reference's unused {@code layer} Linear(1216, 1): 57,494,082 − 1,217.
     */
    @Test
    void parameterCountEqualsTheReference() {
        try (V1Model model = V1Model.create(V1Config.nnlqp(), TOKENIZER, 1)) {
            assertEquals(57_494_082L - 1_217L, model.parameterCount());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void paddedBatchOfNetworksPredictsExactlyAsOneByOne(boolean projected) {
        List<TokenizedGraph> graphs = networks();
        try (V1Model model = V1Model.create(projected ? PROJECTED : SMALL, TOKENIZER, 2)) {
            float[] batched = model.predict(graphs, 4);
            for (int i = 0; i < graphs.size(); i++) {
                float single = model.predict(List.of(graphs.get(i)), 1)[0];
                assertEquals(single, batched[i], 1e-4f * Math.max(1f, Math.abs(single)),
                        "padding must not leak: network " + i);
            }
            assertEquals(1, model.outputs());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void trainsOnLatenciesAndTheCheckpointLoadsBackWithItsTokenizer(boolean projected) {
        V1Config small = projected ? PROJECTED : SMALL;
        List<TokenizedGraph> graphs = networks();
        float[] latencies = {25f, 55f, 350f, 20f};
        List<TrainingSample> samples = java.util.stream.IntStream.range(0, graphs.size())
                .mapToObj(i -> TrainingSample.of(graphs.get(i), latencies[i])).toList();
        TrainConfig config = TrainConfig.v1Nnlqp().withEpochs(2).withBatchSize(4).withShowProgress(false);
        TrainingResult result = new Trainer<>(new V1Family(small, TOKENIZER), config)
                .train(samples, samples, tmp.resolve("run"), Map.of());
        assertEquals(2, result.history().size());
        assertTrue(result.history().stream().allMatch(e -> Double.isFinite(e.meanLoss())));
        assertTrue(ModelFamily.of(result.bestCheckpoint()) instanceof V1Family family
                && family.tokenizer() instanceof V1NetworkTokenizer, "the manifest names the network tokenizer");
        try (V1Model model = V1Checkpoints.load(result.lastCheckpoint());
             Predictor predictor = Predictor.load(result.lastCheckpoint())) {
            assertEquals(small, model.config());
            assertArrayEquals(model.predict(graphs, 4), predictor.predict(graphs), 0f);
        }
    }
}
