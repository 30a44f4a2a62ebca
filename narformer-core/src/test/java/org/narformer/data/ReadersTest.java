package org.narformer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.narformer.BadInputException;
import org.narformer.cells.Nb101Cell;

/**
 * Every reader on small hand-made files: good rows parse to the documented samples; each kind of bad row is
 * reported with file and line — thrown at the first under STRICT, collected (and skipped) under LENIENT.
 */
class ReadersTest {
    private static final String ARCH_A = "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|";
    private static final String ARCH_B = "|skip_connect~0|+|none~0|none~1|+|none~0|none~1|none~2|";
    private static final String FBNET = "7 8 1 8 4 8 8 8 7 4 1 4 7 3 2 7 3 2 4 2 4 5";
    /** A 3-vertex cell input → conv3x3 → output, bits (0,1)(0,2)(1,2) = 101. */
    private static final String CELL_BITS = "101";
    private static final String CELL_LABELS = "-1 0 -2";
    private static final String CELL_HASH = Nb101Cell.parse(CELL_BITS, CELL_LABELS, "test").hash();

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    /**
     * Reads {@code file} with both policies and checks that STRICT fails at the first bad line and LENIENT keeps
     * {@code good} samples and reports exactly {@code badLines} (in order) with the file named.
     */
    private static Dataset checkPolicies(SampleReader reader, Path file, int good, int... badLines) {
        BadInputException e = assertThrows(BadInputException.class, () -> reader.read(file, ReadPolicy.STRICT));
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().contains(location(badLines[0])), e.getMessage());
        Dataset d = reader.read(file, ReadPolicy.LENIENT);
        assertEquals(good, d.size(), d.problems().toString());
        assertEquals(badLines.length, d.problems().size(), d.problems().toString());
        for (int i = 0; i < badLines.length; i++) {
            RowProblem p = d.problems().get(i);
            assertEquals(file.toString(), p.file());
            assertTrue(p.location().startsWith(location(badLines[i])), p.toString());
        }
        return d;
    }

    private static String location(int line) {
        return line > 0 ? "line " + line : "entry " + (-line - 1); // -1 = JSON entry 0
    }

    private static String nb201Row(int index, String arch, String test) {
        return index + "," + arch + "," + test + ",81.9,52.7,52.9,28.2,26.6,129306,135156,136456";
    }

    @Test
    void nasBench201() throws IOException {
        String header = String.join(",", Nb201Reader.HEADER);
        Path good = write("nb201.csv", header, nb201Row(0, ARCH_A, "85.5"), nb201Row(1, ARCH_B, "10"));
        Dataset d = new Nb201Reader().read(good, ReadPolicy.STRICT);
        assertEquals(2, d.size());
        Sample s = d.samples().get(0);
        assertEquals("0", s.id());
        assertEquals(0.855, s.target("test"), 1e-15);
        assertEquals(0.819, s.target("validation"), 1e-15);
        assertEquals("nasbench201", s.group());
        assertEquals(ARCH_A, s.source().describe());
        assertEquals(2, s.line());

        Path bad = write("nb201-bad.csv", header,
                nb201Row(0, ARCH_A, "85.5"),
                "1," + ARCH_B + ",85.5",                                      // line 3: column count
                nb201Row(2, ARCH_B, "NaN"),                                   // line 4: NaN
                nb201Row(3, ARCH_B, "high"),                                  // line 5: non-numeric
                nb201Row(4, "|nor_conv_5x5~0|+|none~0|none~1|+|none~0|none~1|none~2|", "50"), // line 6: bad arch
                nb201Row(6, ARCH_B, "50"),                                    // line 7: index out of sequence
                nb201Row(6, ARCH_B, "50"),                                    // line 8: fine (index 6 = row 6)
                "");                                                          // line 9: empty line
        Dataset lenient = checkPolicies(new Nb201Reader(), bad, 2, 3, 4, 5, 6, 7, 9);
        assertTrue(lenient.problems().get(0).problem().contains("expected 11 columns, found 3"));
        assertTrue(lenient.problems().get(1).toString().contains("column 'cifar10_test_acc'"));
        assertTrue(lenient.problems().get(3).problem().contains("nor_conv_5x5"), lenient.problems().get(3).problem());
        assertEquals(8, lenient.samples().get(1).line());
    }

    @Test
    void wrongHeaderStopsEvenWhenLenient() throws IOException {
        Path p = write("x.csv", "index,arch,test", "0," + ARCH_A + ",1");
        BadInputException e = assertThrows(BadInputException.class, () -> new Nb201Reader().read(p, ReadPolicy.LENIENT));
        assertEquals("line 1", e.location().orElseThrow());
        BadInputException missing = assertThrows(BadInputException.class,
                () -> new Nb201Reader().read(dir.resolve("nope.csv"), ReadPolicy.LENIENT));
        assertTrue(missing.getMessage().contains("nope.csv"), missing.getMessage());
    }

    @Test
    void byteOrderMarkBeforeTheHeaderIsAccepted() throws IOException {
        Path p = write("bom.csv", "\uFEFF" + String.join(",", Nb201Reader.HEADER), nb201Row(0, ARCH_A, "85.5"));
        assertEquals(1, new Nb201Reader().read(p, ReadPolicy.STRICT).size());
    }

    @Test
    void truncatedGzipNamesTheFileAndLine() throws IOException {
        Path gz = dir.resolve("cut.csv.gz");
        StringBuilder text = new StringBuilder("hash,num_vertices,adj_upper_bits,labels\n");
        for (int i = 0; i < 2000; i++) {
            text.append(String.format("%032x", i)).append(",3,").append(CELL_BITS).append(',').append(CELL_LABELS)
                    .append('\n');
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = bytes.toByteArray();
        Files.write(gz, java.util.Arrays.copyOf(all, all.length / 2));
        BadInputException e = assertThrows(BadInputException.class,
                () -> new Nb101CsvReader().read(gz, ReadPolicy.LENIENT));
        assertEquals(gz.toString(), e.source());
        assertTrue(e.getMessage().contains("cannot read"), e.getMessage());
    }

    @Test
    void nasBench101Csv() throws IOException {
        String header = String.join(",", Nb101CsvReader.LABELLED_HEADER);
        String targets = ",0.1,0.2,0.3,0.9,1200.5,8555530";
        Path bad = write("nb101.csv", header,
                CELL_HASH + ",3," + CELL_BITS + "," + CELL_LABELS + targets,
                "0000718c96730a92ea6d5242f8ce77e2,3,101,-1 7 -2" + targets,            // line 3: bad label
                "0000718c96730a92ea6d5242f8ce77e2,3,10,-1 0 -2" + targets,             // line 4: wrong bit count
                "0000718c96730a92ea6d5242f8ce77e2,4,101,-1 0 -2" + targets,            // line 5: num_vertices
                "0000718c96730a92ea6d5242f8ce77e2,3,101,-1 0 -2,0.1,0.2,0.3,1.9,1,1",  // line 6: accuracy > 1
                CELL_HASH + ",3," + CELL_BITS + "," + CELL_LABELS + targets);          // line 7: duplicate id
        Dataset d = checkPolicies(new Nb101CsvReader(), bad, 1, 3, 4, 5, 6, 7);
        Sample s = d.samples().get(0);
        assertEquals(CELL_HASH, s.id());
        assertEquals(0.9, s.target("validation"), 0);
        assertEquals(8555530, s.target("trainable_parameters"), 0);
        assertTrue(d.problems().get(0).location().contains("column 'labels'"), d.problems().get(0).toString());
        assertTrue(d.problems().get(4).problem().contains("duplicate id"), d.problems().get(4).toString());

        Path wrongHash = write("nb101-hash.csv", header,
                "0000718c96730a92ea6d5242f8ce77e2,3," + CELL_BITS + "," + CELL_LABELS + targets);
        assertEquals(1, new Nb101CsvReader().read(wrongHash, ReadPolicy.STRICT).size());
        checkPolicies(new Nb101CsvReader(true), wrongHash, 0, 2);
    }

    @Test
    void nasBench101GzipStreamsWithoutTargets() throws IOException {
        Path gz = dir.resolve("all.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(("hash,num_vertices,adj_upper_bits,labels\n" + CELL_HASH + ",3," + CELL_BITS + "," + CELL_LABELS
                    + "\nbad,row\n").getBytes(StandardCharsets.UTF_8));
        }
        Dataset d = checkPolicies(new Nb101CsvReader(), gz, 1, 3);
        assertEquals(0, d.samples().get(0).targets().size());
        assertInstanceOf(GraphSource.Nb101.class, d.samples().get(0).source());
    }

    @Test
    void nnlqpLabels() throws IOException {
        Path bad = write("gt_stage.txt",
                "00001 onnx/nnmeter_alexnet/nnmeter_alexnet_transform_0000.onnx 1 2.06137 alexnet 1 train",
                "00002 onnx/a.onnx 1 2.0 alexnet 1",                  // line 2: 6 columns
                "00003 onnx/a.onnx 1 -2.0 alexnet 1 train",           // line 3: negative latency
                "00004 onnx/a.onnx 1 inf alexnet 1 train",            // line 4: not finite
                "00005 onnx/a.onnx 1 2.0 alexnet 1 validate",         // line 5: stage
                "00006 onnx/a.onnx 1 0.4 vgg16 1 test");
        Dataset d = checkPolicies(new NnlqpReader(), bad, 2, 2, 3, 4, 5);
        Sample s = d.samples().get(1);
        assertEquals("00006", s.id());
        assertEquals("vgg16", s.group());
        assertEquals(Stage.TEST, s.stage());
        assertEquals(0.4, s.target("latency_ms"), 0);
        assertEquals(Path.of("onnx/a.onnx"), ((GraphSource.Onnx) s.source()).path());
        assertEquals(5, s.index());
    }

    @Test
    void nnlqpNasBench201Subset() throws IOException {
        String header = String.join(",", NnlqpNb201Reader.HEADER);
        Path bad = write("subset.csv", header,
                "18001,10062," + ARCH_A + ",1,0.714539,1,train,75.745",
                "18002,10067," + ARCH_B + ",1,0.8,1,train",            // line 3: column count
                "18003,10068," + ARCH_B + ",1,0,1,train,90",           // line 4: zero latency
                "18004,10069,|none~0|+|none~0|,1,0.8,1,train,90",      // line 5: bad arch
                "18005,10070," + ARCH_B + ",1,0.8,1,test,190",         // line 6: accuracy > 100 %
                "18006,10071," + ARCH_B + ",1,0.8,1,test,90.5");
        Dataset d = checkPolicies(new NnlqpNb201Reader(), bad, 2, 3, 4, 5, 6);
        Sample s = d.samples().get(0);
        assertEquals("18001", s.id());
        assertEquals(10062, s.index());
        assertEquals(0.75745, s.target("test"), 1e-15);
        assertEquals(Stage.TEST, d.samples().get(1).stage());
    }

    @Test
    void helpLatencyTables() throws IOException {
        Path nb201 = write("help_nb201.csv", "index,arch_str,1080ti_1,pixel3",
                "0," + ARCH_A + ",10.75,3.6",
                "1," + ARCH_B + ",12.9",                               // line 3: column count
                "2," + ARCH_B + ",12.9,-1",                            // line 4: negative latency
                "3," + ARCH_B + ",12.9,3.1");
        Dataset d = checkPolicies(new HelpLatencyReader(), nb201, 2, 3, 4);
        assertEquals(List.of("1080ti_1", "pixel3"), d.targetNames());
        assertEquals(3.6, d.samples().get(0).target("pixel3"), 0);

        Path fbnet = write("help_fbnet.csv", "index,arch_ops_22,1080ti_1,pixel3",
                "0," + FBNET + ",10.6,17.5",
                "1,7 8 1 8 4 8 8 8 7 4 1 4 7 3 2 7 3 2 4 2 4 9,10.6,17.5",   // line 3: code 9
                "2,7 8 1,10.6,17.5",                                         // line 4: 3 codes
                "3," + FBNET + ",1O.6,17.5");                                // line 5: letter O
        Dataset f = checkPolicies(new HelpLatencyReader(), fbnet, 1, 3, 4, 5);
        assertEquals("fbnet", f.samples().get(0).group());
        assertEquals(FBNET, f.samples().get(0).source().describe());

        Path duplicateDevices = write("help_dup.csv", "index,arch_str,pixel3,pixel3", "0," + ARCH_A + ",1,2");
        assertThrows(BadInputException.class, () -> new HelpLatencyReader().read(duplicateDevices, ReadPolicy.LENIENT));
    }

    @Test
    void nasBenchVisJson() throws IOException {
        // entry 0 good (padded with -3), 1: bad label, 2: key does not match, 3: non-numeric accuracy
        String pad = "[0,0,0,0]";
        String adj = "[[0,1,0,0],[0,0,1,0],[0,0,0,0]," + pad + "]";
        String json = "{\"key\":[\"" + CELL_HASH + "\",\"a\",\"b\",\"" + CELL_HASH + "\"],"
                + "\"operations\":[[-1,0,-2,-3],[-1,5,-2,-3],[-1,1,-2,-3],[-1,0,-2,-3]],"
                + "\"adjacency\":[" + adj + "," + adj + "," + adj + "," + adj + "],"
                + "\"4_final_validation_accuracy\":[0.1,0.1,0.1,0.1],\"12_final_validation_accuracy\":[0.2,0.2,0.2,0.2],"
                + "\"36_final_validation_accuracy\":[0.3,0.3,0.3,0.3],"
                + "\"108_final_validation_accuracy\":[0.9,0.9,0.9,\"x\"],"
                + "\"final_training_time\":[1,1,1,1],\"trainable_parameters\":[5,5,5,5]}";
        Path p = write("vis.json", json);
        Dataset d = checkPolicies(new Nb101VisJsonReader(), p, 1, -2, -3, -4);
        Sample s = d.samples().get(0);
        assertEquals(CELL_HASH, s.id());
        assertEquals(3, ((GraphSource.Nb101) s.source()).cell().vertexCount());
        assertEquals(0.9, s.target("validation"), 0);
        assertTrue(d.problems().get(1).problem().contains("does not match"), d.problems().get(1).toString());

        Path broken = write("broken.json", "{\"key\": [");
        BadInputException e = assertThrows(BadInputException.class,
                () -> new Nb101VisJsonReader().read(broken, ReadPolicy.LENIENT));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        Path wrongLayout = write("layout.json", "{\"key\": []}");
        assertThrows(BadInputException.class, () -> new Nb101VisJsonReader().read(wrongLayout, ReadPolicy.LENIENT));
    }

    @Test
    void naslibJson() throws IOException {
        // input -> conv3x3 (vertex 1) -> output (vertex 6); vertices 2..5 unused maxpools
        StringBuilder good = new StringBuilder("(");
        int[] m = new int[49];
        m[1] = 1;
        m[7 + 6] = 1;
        for (int v : m) {
            good.append(v).append(", ");
        }
        String ops = "0, 4, 2, 2, 2, 2, 1)";
        String disconnected = "(" + "0, ".repeat(49) + ops;
        String json = "{\"nasbench101\": {\"cifar10\": {"
                + "\"" + good + ops + "\": {\"flops\": 1.5, \"params\": 0.2, \"val_accuracy\": 92.5},"
                + "\"" + disconnected + "\": {\"flops\": 1.5, \"params\": 0.2, \"val_accuracy\": 92.5},"
                + "\"(1, 2)\": {\"flops\": 1.5, \"params\": 0.2, \"val_accuracy\": 92.5},"
                + "\"" + good + "0, 4, 2, 2, 2, 2, 7)\": {\"flops\": 1.5, \"params\": 0.2, \"val_accuracy\": 92.5},"
                + "\"" + good + ops.replace("1)", "1 )") + "\": {\"flops\": \"many\", \"val_accuracy\": 92.5}}}}";
        Path p = write("naslib.json", json);
        Dataset d = checkPolicies(new NaslibNb101JsonReader(), p, 1, -2, -3, -4, -5);
        Sample s = d.samples().get(0);
        assertEquals("0", s.id());
        assertEquals(0.925, s.target("validation"), 1e-15);
        assertEquals(List.of("validation", "flops", "params"), s.targets().names());
        assertEquals(CELL_HASH, ((GraphSource.Nb101) s.source()).cell().hash(), "NASLib op 4 is conv3x3");
    }
}
