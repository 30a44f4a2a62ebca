package org.narformer.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.narformer.data.DataDirectory;

/** Every shared ONNX file at batch 1 and 8 gives exactly the official V2 code's graph and shapes. */
class ReferenceGraphsIT {

    @Test
    void sharedFilesMatchTheReferenceGraphs() throws IOException {
        var data = DataDirectory.find(null);
        assumeTrue(data.isPresent(), "shared data directory not found: set NARFORMER_DATA or --data");
        Path dir = data.get().root().resolve("onnx");
        int checked = 0;
        for (ReferenceGraphs.Row row : ReferenceGraphs.load().values()) {
            Path file = dir.resolve(row.file());
            if (row.file().endsWith("-noweight.onnx") || row.file().endsWith("-no-weight.onnx")) {
                ReferenceGraphs.assertMatches(row,
                        OnnxImporter.read(file, OnnxImportConfig.defaults().withBatchSize(row.batch())));
                checked++;
            }
        }
        assertEquals(20, checked);
    }
}
