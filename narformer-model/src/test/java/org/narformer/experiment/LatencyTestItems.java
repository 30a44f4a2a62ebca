package org.narformer.experiment;

import java.nio.file.Path;
import java.util.List;

import org.narformer.data.GraphSource;
import org.narformer.data.NnlqpReader;
import org.narformer.data.Sample;
import org.narformer.data.Stage;
import org.narformer.data.Targets;
import org.narformer.tokenizer.TokenizedGraph;

/** Latency items without ONNX files: a one-node graph whose static vector carries the given FLOPs and memory. */
final class LatencyTestItems {
    private LatencyTestItems() {
    }

    static LatencyDataset.Item item(String family, int index, double latencyMs, double gflops, double gmemory) {
        Sample sample = new Sample(family + index, new GraphSource.Onnx(Path.of(family + index + ".onnx"), 1),
                Targets.of(List.of(NnlqpReader.LATENCY), latencyMs), family, Stage.TRAIN, index, index + 1);
        TokenizedGraph nnlp = new TokenizedGraph(1, 1, new float[1], new boolean[1],
                new float[] {1f, (float) gflops, 0.01f, (float) gmemory});
        return new LatencyDataset.Item(sample, nnlp, nnlp);
    }
}
