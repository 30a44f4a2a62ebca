package org.narformer.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

import org.narformer.NarFormerException;
import org.narformer.data.Dataset;
import org.narformer.data.GraphSource;
import org.narformer.data.NnlqpReader;
import org.narformer.data.ReadPolicy;
import org.narformer.data.Sample;
import org.narformer.graph.NetworkGraph;
import org.narformer.onnx.OnnxImportConfig;
import org.narformer.onnx.OnnxImporter;
import org.narformer.tokenizer.TokenizedGraph;

/**
 * A whole-network latency dataset: the rows of an NNLQP-format label file ({@code GraphID OnnxPath BatchSize
 * Latency(ms) ModelType PlatformId Stage}, as {@code narformer profile} writes {@code latency.txt}) with every
 * network imported once and tokenized for the graph models (V2's 152-d tokens + 40 static, NNLP's 44-d + 4 raw
 * static, REFERENCE.md §3.1 and §5; reference-compatible tokenizers; on request V1's 960-d tokens + 256 static,
 * docs/V1-NNLQP-SPEC.md, with lenient shapes so that every network V2 reads is read). A row whose ONNX file is missing
 * or cannot
 * be imported is left out and reported in {@link #problems()}, naming the file; the others load.
 *
 * @param labels   the label file
 * @param items    the loaded rows, in file order
 * @param problems ONNX path → reason, for rows left out
 */
public record LatencyDataset(Path labels, List<Item> items, Map<String, String> problems) {
    /**
     * One network with its measured latency.
     *
     * @param sample the label row (id, ONNX source, latency target, family as group, stage)
     * @param v2     V2 tokens
     * @param nnlp   NNLP node features; its static vector is the raw {@code [batch, GFLOPs, Gparams, Gmemory]}
     * @param v1     V1 tokens, or null when the dataset was loaded without them
     */
    public record Item(Sample sample, TokenizedGraph v2, TokenizedGraph nnlp, TokenizedGraph v1) {
        /** An item without V1 tokens. */
        public Item(Sample sample, TokenizedGraph v2, TokenizedGraph nnlp) {
            this(sample, v2, nnlp, null);
        }

        public String family() {
            return sample.group();
        }

        public double latencyMs() {
            return sample.target(NnlqpReader.LATENCY);
        }

        /**
         * The input of a trained {@code method} (V2, NNLP or V1) under {@code config}'s static features: with
         * {@link LatencyExperimentConfig.StaticFeatures#WITH_RAW}, the encoded ones followed by NNLP's raw vector
         * (what the tokenizers' raw-static options give).
         */
        public TokenizedGraph graph(LatencyMethod method, LatencyExperimentConfig config) {
            return LatencyInput.of(method, config).select(v2, nnlp, v1);
        }

        /** FLOPs / 1e9 of the network at its batch size (the FLOPs baselines' input). */
        public double gflops() {
            return nnlp.staticFeatures()[1];
        }

        /** Memory access / 1e9 (the MAC of NNLQP's FLOPs+MAC baseline). */
        public double gmemoryAccess() {
            return nnlp.staticFeatures()[3];
        }
    }

    public LatencyDataset {
        items = List.copyOf(items);
        problems = Map.copyOf(problems);
    }

    /**
     * Reads {@code labels} (malformed rows are errors naming the line) and imports each network from
     * {@code onnxRoot} resolved against the row's ONNX path.
     *
     * @param withV1   also tokenize for V1 (960 floats per node: only when V1 is trained)
     * @param progress called with the number of rows done so far
     */
    public static LatencyDataset load(Path labels, Path onnxRoot, boolean withV1, IntConsumer progress) {
        Dataset rows = new NnlqpReader().read(labels, ReadPolicy.STRICT);
        Map<String, TokenizedGraph[]> cache = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        Map<String, String> problems = new TreeMap<>();
        int done = 0;
        for (Sample s : rows.samples()) {
            GraphSource.Onnx source = (GraphSource.Onnx) s.source();
            Path file = onnxRoot.resolve(source.path());
            String key = file + "@" + source.batchSize();
            TokenizedGraph[] tokens = cache.get(key);
            if (tokens == null && !problems.containsKey(source.path().toString())) {
                try {
                    NetworkGraph graph = OnnxImporter.read(file, OnnxImportConfig.defaults()
                            .withBatchSize(source.batchSize()));
                    tokens = LatencyInput.tokenizations(graph, source.batchSize(), withV1);
                    cache.put(key, tokens);
                } catch (NarFormerException e) {
                    problems.put(source.path().toString(), e.getMessage());
                }
            }
            if (tokens != null) {
                items.add(new Item(s, tokens[0], tokens[1], tokens[2]));
            }
            progress.accept(++done);
        }
        return new LatencyDataset(labels, items, problems);
    }

    /** The families in order of first appearance. */
    public List<String> families() {
        return items.stream().map(Item::family).distinct().toList();
    }

    /** The items of each family, families in order of first appearance, items in file order. */
    public Map<String, List<Item>> byFamily() {
        Map<String, List<Item>> groups = new LinkedHashMap<>();
        for (Item item : items) {
            groups.computeIfAbsent(item.family(), k -> new ArrayList<>()).add(item);
        }
        return groups;
    }
}
