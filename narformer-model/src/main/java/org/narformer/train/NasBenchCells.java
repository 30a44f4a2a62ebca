package org.narformer.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.narformer.BadInputException;
import org.narformer.cells.CellAugmentation;
import org.narformer.data.DataDirectory;
import org.narformer.data.ReadPolicy;
import org.narformer.data.Sample;
import org.narformer.data.Split;
import org.narformer.graph.NetworkGraph;
import org.narformer.tokenizer.GraphTokenizer;
import org.narformer.tokenizer.TokenizedGraph;
import org.narformer.tokenizer.V1CellTokenizer;
import org.narformer.tokenizer.V2CellTokenizer;

/**
 * Every labelled cell of a NAS-Bench space, in index order, tokenized once, with the protocol's split applied:
 * {@code train} = the first N, {@code validation} = the next ones, {@code test} = all of them.
 */
public final class NasBenchCells {
    /** Group names of {@link #groups()}: training, validation and the remaining (never seen) cells. */
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String UNSEEN = "unseen";

    private final NasBenchSpace space;
    private final Path file;
    private final String sha256;
    private final Split split;
    private final List<Sample> samples;
    private final List<NetworkGraph> cells;
    private final List<TokenizedGraph> graphs;
    private final GraphTokenizer tokenizer;
    private final CellAugmentation augmentation;

    private NasBenchCells(NasBenchSpace space, Path file, String sha256, Split split, List<NetworkGraph> cells,
                          List<TokenizedGraph> graphs, GraphTokenizer tokenizer, CellAugmentation augmentation) {
        this.space = space;
        this.file = file;
        this.sha256 = sha256;
        this.split = split;
        this.samples = split.test();
        this.cells = cells;
        this.graphs = graphs;
        this.tokenizer = tokenizer;
        this.augmentation = augmentation;
    }

    /**
     * Reads (strictly) and tokenizes every cell of {@code config.space()} for the configured model family (V2 tokens
     * and augmentation, or V1's with {@link CellAugmentation#V1_FIRST_TWO}) and applies the protocol's split.
     */
    public static NasBenchCells load(NasBenchConfig config, DataDirectory dir) {
        return load(config, dir, tokenizer(config), config.modelFamily() == NasBenchConfig.Family.V1
                ? CellAugmentation.V1_FIRST_TWO : CellAugmentation.V2_FIRST_VALID);
    }

    /** The cell tokenizer of {@code config}'s model family and space. */
    public static GraphTokenizer tokenizer(NasBenchConfig config) {
        return config.modelFamily() == NasBenchConfig.Family.V1 ? V1CellTokenizer.of(config.space().cells())
                : V2CellTokenizer.of(config.space().cells());
    }

    private static NasBenchCells load(NasBenchConfig config, DataDirectory dir, GraphTokenizer tokenizer,
                                      CellAugmentation augmentation) {
        NasBenchSpace space = config.space();
        Path file = space.file().in(dir);
        List<Sample> all = space.file().read(dir, ReadPolicy.STRICT).samples();
        Split split = config.split().apply(all);
        List<NetworkGraph> cells = new ArrayList<>(all.size());
        List<TokenizedGraph> graphs = new ArrayList<>(all.size());
        for (Sample s : split.test()) {
            NetworkGraph cell = space.graph(s);
            cells.add(cell);
            graphs.add(tokenizer.tokenize(cell));
        }
        return new NasBenchCells(space, file, sha256(file), split, cells, graphs, tokenizer, augmentation);
    }

    public NasBenchSpace space() {
        return space;
    }

    public Split split() {
        return split;
    }

    /** Every cell, in index order (the test set of the protocol). */
    public List<Sample> samples() {
        return samples;
    }

    /** The tokenized cells, aligned with {@link #samples()}. */
    public List<TokenizedGraph> graphs() {
        return graphs;
    }

    /** Training samples with their augmented twins (when the consistency loss is on), labelled for training. */
    public List<TrainingSample> train(boolean augmented) {
        List<TrainingSample> out = new ArrayList<>(split.train().size());
        for (int i = 0; i < split.train().size(); i++) {
            TokenizedGraph twin = augmented
                    ? tokenizer.tokenize(augmentation.pairOf(cells.get(i))) : null;
            out.add(new TrainingSample(graphs.get(i), twin, label(i, space.trainLabel())));
        }
        return out;
    }

    /** The validation cells, labelled with the training label (the reference selects on it). */
    public List<TrainingSample> validation() {
        int from = split.train().size();
        List<TrainingSample> out = new ArrayList<>(split.validation().size());
        for (int i = from; i < from + split.validation().size(); i++) {
            out.add(TrainingSample.of(graphs.get(i), label(i, space.trainLabel())));
        }
        return out;
    }

    /** All cells labelled with the test label. */
    public List<TrainingSample> test() {
        List<TrainingSample> out = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            out.add(TrainingSample.of(graphs.get(i), label(i, space.testLabel())));
        }
        return out;
    }

    /** The test label of every cell. */
    public double[] testTargets() {
        double[] y = new double[samples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = samples.get(i).target(space.testLabel());
        }
        return y;
    }

    /** {@link #TRAIN}, {@link #VALIDATION} or {@link #UNSEEN} for every cell. */
    public String[] groups() {
        String[] g = new String[samples.size()];
        int train = split.train().size();
        int validation = split.validation().size();
        for (int i = 0; i < g.length; i++) {
            g[i] = i < train ? TRAIN : i < train + validation ? VALIDATION : UNSEEN;
        }
        return g;
    }

    /** What a manifest records about the data: file, SHA-256, split, labels. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("space", space.name());
        d.put("file", space.file().relativePath());
        d.put("path", file.toAbsolutePath().toString());
        d.put("sha256", sha256);
        d.put("cells", samples.size());
        d.put("split", split.summary());
        d.put("trainLabel", space.trainLabel());
        d.put("testLabel", space.testLabel());
        d.put("testLabelNote", space.testLabelNote());
        return d;
    }

    private float label(int i, String name) {
        Sample s = samples.get(i);
        double v = s.target(name);
        if (!(v > 0)) {
            throw new BadInputException(file.toString(), "line " + s.line(), "label " + name + " is " + v
                    + "; the relative loss needs positive labels");
        }
        return (float) v;
    }

    static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new BadInputException(file.toString(), null, "cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
