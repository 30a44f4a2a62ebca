package org.narformer.data;

import java.nio.file.Path;

/**
 * The dataset files of the data directory ({@code shared/data/README.md}), each with its reader and the row
 * count of the distributed file.
 */
public enum DataFile {
    NB201("nasbench201/nb201_merged.csv", new Nb201Reader(), 15_625),
    NB101_VIS30K("nasbench101/nb101_vis30k.csv", new Nb101CsvReader(), 30_001),
    NB101_ALL("nasbench101/nb101_all_423624_graphs.csv.gz", new Nb101CsvReader(), 423_624),
    NB101_VIS1K("nasbench101/nasbenchvis_data-1k.json", new Nb101VisJsonReader(), 1_000),
    NB101_NASLIB500("nasbench101/naslib_zc_nasbench101_500.json", new NaslibNb101JsonReader(), 500),
    NNLQP("nnlqp/gt_stage.txt", new NnlqpReader(), 20_000),
    NNLQP_NB201("nnlqp/nnlqp_nb201_subset.csv", new NnlqpNb201Reader(), 2_000),
    HELP_NB201("latency/help_nb201_latency.csv", new HelpLatencyReader(), 15_625),
    HELP_FBNET("latency/help_fbnet_latency.csv", new HelpLatencyReader(), 5_000);

    private final String relativePath;
    private final SampleReader reader;
    private final int publishedRows;

    DataFile(String relativePath, SampleReader reader, int publishedRows) {
        this.relativePath = relativePath;
        this.reader = reader;
        this.publishedRows = publishedRows;
    }

    /** The path under the data directory, e.g. {@code nasbench201/nb201_merged.csv}. */
    public String relativePath() {
        return relativePath;
    }

    public SampleReader reader() {
        return reader;
    }

    /** The number of samples of the distributed file. */
    public int publishedRows() {
        return publishedRows;
    }

    /** The file in {@code dir}; a missing file is a {@link org.narformer.BadInputException} (see {@link DataDirectory#file}). */
    public Path in(DataDirectory dir) {
        return dir.file(relativePath);
    }

    /** Reads the whole file from {@code dir}. */
    public Dataset read(DataDirectory dir, ReadPolicy policy) {
        return reader.read(in(dir), policy);
    }
}
