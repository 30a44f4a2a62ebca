package org.narformer.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.narformer.BadInputException;
import org.narformer.data.DataDirectory;
import org.narformer.data.ReadPolicy;
import org.narformer.data.Sample;
import org.narformer.model.CheckpointRecord;
import org.narformer.model.Checkpoints;
import org.narformer.tokenizer.GraphTokenizer;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.graph.NetworkGraph;

/**
 * A checkpoint trained by {@link NasBenchProtocol}, loaded for scoring: the model, its protocol configuration
 * (from the manifest's {@code data.protocol}) and its space. Owns native memory: close it.
 */
public final class NasBenchModel implements AutoCloseable {
    /** Cells tokenized at a time when scoring a whole space. */
    static final int SPACE_CHUNK = 16_384;

    private final Path checkpoint;
    private final Predictor predictor;
    private final NasBenchConfig config;

    private NasBenchModel(Path checkpoint, Predictor predictor, NasBenchConfig config) {
        this.checkpoint = checkpoint;
        this.predictor = predictor;
        this.config = config;
    }

    /**
     * Opens {@code dir}: a checkpoint directory, or a run directory written by {@link NasBenchProtocol#train}
     * (its selected checkpoint {@code best} is used).
     *
     * @throws BadInputException naming the directory or manifest when it is missing, corrupt, of an unknown
     *                           version or not a NAS-Bench checkpoint
     */
    public static NasBenchModel open(Path dir) {
        Path checkpoint = resolve(dir);
        Predictor predictor = Predictor.load(checkpoint);
        try {
            NasBenchConfig config = protocolOf(checkpoint, predictor.record());
            if (!config.family().name().equals(predictor.family().name())) {
                throw new BadInputException(checkpoint.resolve(Checkpoints.MANIFEST).toString(),
                        "data.protocol.modelFamily", "the protocol says " + config.family().name()
                        + " but the checkpoint holds a " + predictor.family().name() + " network");
            }
            return new NasBenchModel(checkpoint, predictor, config);
        } catch (RuntimeException e) {
            predictor.close();
            throw e;
        }
    }

    /** The checkpoint directory a user-given directory stands for (the run's {@code best} for a run directory). */
    public static Path resolve(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir.toString(), null, "no such checkpoint directory");
        }
        Path best = dir.resolve(Trainer.BEST);
        if (!Files.isRegularFile(dir.resolve(Checkpoints.PARAMETERS)) && Files.isDirectory(best)) {
            return best;
        }
        return dir;
    }

    public Path checkpoint() {
        return checkpoint;
    }

    public NasBenchConfig config() {
        return config;
    }

    public NasBenchSpace space() {
        return config.space();
    }

    /** The checkpoint's training record (epoch, metrics, data). */
    public CheckpointRecord record() {
        return predictor.record();
    }

    /** Tokenizes cells of this model's space (its family's cell tokenizer) and predicts their accuracy (a fraction). */
    public float[] predictCells(List<NetworkGraph> cells, boolean progress) {
        GraphTokenizer tokenizer = NasBenchCells.tokenizer(config);
        return predict(cells.stream().map(tokenizer::tokenize).toList(), progress);
    }

    /**
     * Scores every cell of this model's space ({@link NasBenchSpace#everyCell()}: NB201's 15,625, NB101's 423,624),
     * tokenizing {@value #SPACE_CHUNK} cells at a time so that the tokens of a whole space are never held at once.
     *
     * @return the cells in file order and one prediction per cell
     */
    public SpaceScores scoreSpace(DataDirectory dir, boolean progress) {
        long start = System.nanoTime();
        List<Sample> samples = space().everyCell().read(dir, ReadPolicy.STRICT).samples();
        long read = System.nanoTime();
        GraphTokenizer tokenizer = NasBenchCells.tokenizer(config);
        float[] out = new float[samples.size()];
        try (ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("score")
                .setInitialMax(samples.size()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setUnit(" cells", 1).build() : null) {
            for (int from = 0; from < samples.size(); from += SPACE_CHUNK) {
                int to = Math.min(samples.size(), from + SPACE_CHUNK);
                List<TokenizedGraph> graphs = samples.subList(from, to).stream()
                        .map(s -> tokenizer.tokenize(space().graph(s))).toList();
                float[] part = predictor.predict(graphs, config.evalBatchSize());
                System.arraycopy(part, 0, out, from, part.length);
                if (bar != null) {
                    bar.stepTo(to);
                }
            }
        }
        long end = System.nanoTime();
        return new SpaceScores(samples, out, (read - start) / 1e9, (end - read) / 1e9);
    }

    /**
     * Every cell of a space with its prediction.
     *
     * @param samples      the cells, in file order
     * @param predicted    one prediction per cell
     * @param readSeconds  time to read the cell file
     * @param scoreSeconds time to build graphs, tokenize and predict
     */
    public record SpaceScores(List<Sample> samples, float[] predicted, double readSeconds, double scoreSeconds) {
    }

    /** Predicts tokenized graphs in batches of the configured evaluation size, with a progress bar if asked. */
    public float[] predict(List<TokenizedGraph> graphs, boolean progress) {
        return score(predictor::predict, graphs, config.evalBatchSize(), progress);
    }

    @Override
    public void close() {
        predictor.close();
    }

    /** Scores {@code graphs} in batches of {@code batchSize}; a "score" progress bar when asked and worthwhile. */
    /** Predictions for a list of graphs at a batch size (a {@link Predictor}'s or a live model's). */
    @FunctionalInterface
    interface Scorer {
        float[] predict(List<TokenizedGraph> graphs, int batchSize);
    }

    static float[] score(Scorer predictor, List<TokenizedGraph> graphs, int batchSize, boolean progress) {
        float[] out = new float[graphs.size()];
        try (ProgressBar bar = progress && graphs.size() > batchSize ? new ProgressBarBuilder().setTaskName("score")
                .setInitialMax(graphs.size()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .setUnit(" graphs", 1).build() : null) {
            for (int from = 0; from < graphs.size(); from += batchSize) {
                int to = Math.min(graphs.size(), from + batchSize);
                float[] part = predictor.predict(graphs.subList(from, to), batchSize);
                System.arraycopy(part, 0, out, from, part.length);
                if (bar != null) {
                    bar.stepTo(to);
                }
            }
        }
        return out;
    }

    private static NasBenchConfig protocolOf(Path checkpoint, CheckpointRecord record) {
        String source = checkpoint.resolve(Checkpoints.MANIFEST).toString();
        Object protocol = record.data().get(NasBenchProtocol.PROTOCOL_KEY);
        if (!(protocol instanceof Map<?, ?> map)) {
            throw new BadInputException(source, "data." + NasBenchProtocol.PROTOCOL_KEY,
                    "not a NAS-Bench accuracy checkpoint (no protocol configuration)");
        }
        return NasBenchConfig.fromMap(map, source);
    }
}
