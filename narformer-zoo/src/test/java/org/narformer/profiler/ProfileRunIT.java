package org.narformer.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.narformer.cells.Nb201Cell;
import org.narformer.zoo.Nb201Network;

/** Bad files are reported and skipped; rows survive a restart and are not measured again. */
class ProfileRunIT {
    private static final ProfileConfig QUICK = new ProfileConfig(1, "all", 1, 1, 3, 5, 2, 0.01, 5, 7, 9, "test");

    @Test
    void failuresReportedAndRestartKeepsRows(@TempDir Path dir) throws IOException {
        Path family = Files.createDirectories(dir.resolve("models/nasbench201"));
        Path a = family.resolve("a.onnx");
        Path b = family.resolve("b.onnx");
        Nb201Network.build(Nb201Cell.parse("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|"))
                .write(a);
        Nb201Network.build(Nb201Cell.parse("|skip_connect~0|+|none~0|none~1|+|none~0|none~1|skip_connect~2|"))
                .write(b);
        Path bad = family.resolve("bad.onnx");
        Files.writeString(bad, "not an onnx model");
        Path out = dir.resolve("out");
        List<Path> files = ProfileRun.onnxFiles(List.of(dir.resolve("models")));
        assertEquals(List.of(a, b, bad), files);

        ProfileRun.Summary first = new ProfileRun(QUICK, "test").run(files, out, f -> { });
        assertEquals(2, first.measured());
        assertEquals(List.of(bad.toString()), List.copyOf(first.failures().keySet()));
        List<String> txt = Files.readAllLines(out.resolve("latency.txt"));
        assertEquals(2, txt.size());
        String[] row = txt.get(0).split(" ");
        assertEquals(7, row.length);
        assertEquals("00001", row[0]);
        assertEquals(a.toString(), row[1]);
        assertEquals("1", row[2]);
        assertTrue(Double.parseDouble(row[3]) > 0);
        assertEquals("nasbench201", row[4]);
        assertEquals("9", row[5]);
        assertEquals("test", row[6]);
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("onnxRuntimeVersion"));

        List<String> csvBefore = Files.readAllLines(out.resolve("latency.csv"));
        Files.writeString(out.resolve("latency.csv"), "00099,torn", java.nio.file.StandardOpenOption.APPEND);
        ProfileRun.Summary second = new ProfileRun(QUICK, "test").run(files, out, f -> { });
        assertEquals(0, second.measured());
        assertEquals(2, second.skipped());
        assertEquals(1, second.failures().size());
        assertEquals(csvBefore, Files.readAllLines(out.resolve("latency.csv")));
        assertEquals(txt, Files.readAllLines(out.resolve("latency.txt")));
    }

    @Test
    void batchSizeRewritesTheGeneratedFile(@TempDir Path dir) throws IOException {
        Path family = Files.createDirectories(dir.resolve("fbnet"));
        Path f = family.resolve("f.onnx");
        org.narformer.zoo.FbnetNetwork.build(org.narformer.cells.FbnetCode.parse(
                "1 5 1 5 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 8")).model().write(f);
        ProfileConfig batch4 = new ProfileConfig(1, "basic", 4, 0, 1, 2, 1, 0.01, 5, 1, 0, "train");
        ProfileRun.Summary s = new ProfileRun(batch4, "test").run(List.of(f), dir.resolve("out"), x -> { });
        assertEquals(1, s.measured(), s.failures().toString());
        assertEquals("4", Files.readAllLines(dir.resolve("out/latency.txt")).get(0).split(" ")[2]);
    }
}
