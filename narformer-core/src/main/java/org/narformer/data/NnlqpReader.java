package org.narformer.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads the NNLQP label list {@code nnlqp/gt_stage.txt} as NAR-Former V2 uses it: no header, seven
 * space-separated columns {@code GraphID OnnxPath BatchSize Latency(ms) ModelType PlatformId Stage}. Sample id =
 * GraphID, source = the ONNX path (relative to the NNLQP dataset root; the files are not distributed) with the
 * batch size, target {@code latency_ms}, group = ModelType (the family), stage from the last column,
 * index = row position. The platform id must be an integer (the file has one platform, 1 = GTX1660 TensorRT).
 */
public final class NnlqpReader extends DelimitedReader {
    static final String[] COLUMNS = {"GraphID", "OnnxPath", "BatchSize", "Latency(ms)", "ModelType", "PlatformId",
        "Stage"};
    /** The target name. */
    public static final String LATENCY = "latency_ms";
    private static final List<String> TARGETS = List.of(LATENCY);

    @Override
    char delimiter() {
        return ' ';
    }

    @Override
    String[] headerlessColumns() {
        return COLUMNS;
    }

    @Override
    RowParser open(String file, String[] header) {
        return row -> {
            String id = row.text(0);
            if (id.isEmpty()) {
                throw row.error(0, "empty graph id");
            }
            String path = row.text(1);
            if (!path.endsWith(".onnx")) {
                throw row.error(1, "'" + path + "' is not an .onnx path");
            }
            int batch = row.count(2);
            if (batch < 1) {
                throw row.error(2, "batch size must be at least 1");
            }
            double latency = row.positive(3);
            String family = row.text(4);
            if (family.isEmpty()) {
                throw row.error(4, "empty model type");
            }
            row.count(5);
            return new Sample(id, new GraphSource.Onnx(Path.of(path), batch), Targets.of(TARGETS, latency), family,
                    stage(row, 6), row.dataIndex(), row.line());
        };
    }

    /** The {@code train}/{@code test} stage in {@code column}. */
    static Stage stage(Row row, int column) {
        Stage stage = Stage.parse(row.text(column));
        if (stage == null) {
            throw row.error(column, "stage '" + row.text(column) + "' is neither 'train' nor 'test'");
        }
        return stage;
    }
}
