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
    /** The CPU options: width 48 behind the input projection 960 → 48, raw static values after the codes. */
    private static final V1NetworkTokenizer RAW_STATIC = TOKENIZER.withRawStatic();
    private static final V1Config PROJECTED = SMALL.withModelWidth(48).withStaticDim(RAW_STATIC.staticDim());

    @TempDir
    Path tmp;

    private static List<TokenizedGraph> networks(V1NetworkTokenizer tokenizer) {
        Optional<DataDirectory> data = DataDirectory.find(null);
        Assumptions.assumeTrue(data.isPresent(), "no data directory (../shared/data, NARFORMER_DATA): skipping");
        return List.of("alexnet-noweight.onnx", "resnet18-v1-7-no-weight.onnx", "vgg16-noweight.onnx",
                        "squeezenet1_0-noweight.onnx").stream()
                .map(f -> tokenizer.tokenize(OnnxImporter.read(data.get().file("onnx/" + f)))).toList();
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
    void paddedBatchOfNetworksPredictsExactlyAsOneByOne(boolean cpuOptions) {
        V1NetworkTokenizer tokenizer = cpuOptions ? RAW_STATIC : TOKENIZER;
        List<TokenizedGraph> graphs = networks(tokenizer);
        try (V1Model model = V1Model.create(cpuOptions ? PROJECTED : SMALL, tokenizer, 2)) {
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
    void trainsOnLatenciesAndTheCheckpointLoadsBackWithItsTokenizer(boolean cpuOptions) {
        V1Config small = cpuOptions ? PROJECTED : SMALL;
        V1NetworkTokenizer tokenizer = cpuOptions ? RAW_STATIC : TOKENIZER;
        List<TokenizedGraph> graphs = networks(tokenizer);
        float[] latencies = {25f, 55f, 350f, 20f};
        List<TrainingSample> samples = java.util.stream.IntStream.range(0, graphs.size())
                .mapToObj(i -> TrainingSample.of(graphs.get(i), latencies[i])).toList();
        TrainConfig config = TrainConfig.v1Nnlqp().withEpochs(2).withBatchSize(4).withShowProgress(false);
        TrainingResult result = new Trainer<>(new V1Family(small, tokenizer), config)
                .train(samples, samples, tmp.resolve("run"), Map.of());
        assertEquals(2, result.history().size());
        assertTrue(result.history().stream().allMatch(e -> Double.isFinite(e.meanLoss())));
        assertTrue(ModelFamily.of(result.bestCheckpoint()) instanceof V1Family family
                && family.tokenizer() instanceof V1NetworkTokenizer recorded && recorded.rawStatic() == cpuOptions,
                "the manifest names the network tokenizer and its static features");
        try (V1Model model = V1Checkpoints.load(result.lastCheckpoint());
             Predictor predictor = Predictor.load(result.lastCheckpoint())) {
            assertEquals(small, model.config());
            assertArrayEquals(model.predict(graphs, 4), predictor.predict(graphs), 0f);
        }
    }
}
