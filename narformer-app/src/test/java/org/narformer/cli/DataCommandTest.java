package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
    private static final String HEADER = "index,arch_str,cifar10_test_acc,cifar10valid_val_acc,cifar100_val_acc,"
            + "cifar100_test_acc,imagenet16_val_acc,imagenet16_test_acc,params_cifar10,params_cifar100,params_imagenet16";
    private static final String ROW = ",|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_1x1~2|,"
            + "85.5,81.9,52.7,52.9,28.2,26.6,129306,135156,136456";

    @TempDir
    Path dir;

    private void writeNb201(String... lines) throws IOException {
        Files.createDirectories(dir.resolve("nasbench201"));
        Files.writeString(dir.resolve("nasbench201/nb201_merged.csv"), HEADER + "\n" + String.join("\n", lines) + "\n");
    }

    @Test
    void someFilesFineOthersMissingIsAPartialFailure() throws IOException {
        writeNb201("0" + ROW, "1" + ROW.replace("85.5", "85.6"));
        CliTestSupport.Run r = CliTestSupport.run("data", "--data", dir.toString());
        assertEquals(ExitCode.PARTIAL_FAILURE.code(), r.exitCode(), r.err());
        assertTrue(r.out().contains("nasbench201/nb201_merged.csv"), r.out());
        assertTrue(r.out().contains("OK") && r.out().contains("2 rows"), r.out());
        assertTrue(r.out().contains("groups:   nasbench201 2"), r.out());
        assertTrue(r.err().contains("nnlqp/gt_stage.txt: missing data file"), r.err());
    }

    /** Test labels 85.5, 85.6, 85.7 against validation labels 81.9, 81.8, 82.0: 2 concordant pairs, 1 discordant. */
    @Test
    void validationAndTestLabelsAgreeByKendallTau() throws IOException {
        writeNb201("0" + ROW, "1" + ROW.replace("85.5", "85.6").replace("81.9", "81.8"),
                "2" + ROW.replace("85.5", "85.7").replace("81.9", "82.0"));
        CliTestSupport.Run r = CliTestSupport.run("data", "--data", dir.toString(), "--json");
        JsonNode agreement = new ObjectMapper().readTree(r.out()).get("files").get(0).get("labelAgreement");
        assertEquals(1.0 / 3, agreement.get("validation ~ test").asDouble(), 1e-12);
        assertEquals(1, agreement.size(), "tied CIFAR-100 / ImageNet16 labels have no τ: " + agreement);
        assertTrue(CliTestSupport.run("data", "--data", dir.toString()).out()
                .contains("τ-b validation ~ test: 0.3333"));
    }

    @Test
    void badRowsAreLocatedAndEveryFileBadIsBadInput() throws IOException {
        writeNb201("0" + ROW, "1" + ROW.replace("85.5", "oops"));
        CliTestSupport.Run r = CliTestSupport.run("data", "--data", dir.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.exitCode(), r.err());
        assertTrue(r.err().contains("nb201_merged.csv: line 3, column 'cifar10_test_acc': 'oops' is not a number"),
                r.err());
        assertTrue(r.out().contains("BAD") && r.out().contains("1 rows"), r.out());
    }

    @Test
    void jsonListsEveryFile() throws IOException {
        writeNb201("0" + ROW);
        Files.createDirectories(dir.resolve("onnx"));
        Files.writeString(dir.resolve("onnx/tiny.onnx"), "x");
        CliTestSupport.Run r = CliTestSupport.run("data", "--data", dir.toString(), "--json");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(9, doc.get("files").size());
        JsonNode nb201 = doc.get("files").get(0);
        assertEquals("nasbench201/nb201_merged.csv", nb201.get("file").asText());
        assertEquals("OK", nb201.get("status").asText());
        assertEquals(1, nb201.get("rows").asInt());
        assertEquals("validation", nb201.get("targets").get(0).asText());
        assertEquals(64, nb201.get("sha256").asText().length());
        assertEquals("MISSING", doc.get("files").get(1).get("status").asText());
        assertEquals(1, doc.get("otherFiles").size());
        assertEquals("onnx/tiny.onnx", doc.get("otherFiles").get(0).asText());
    }

    @Test
    void verifyHashesRecomputesTheNasBench101Hashes() throws IOException {
        Files.createDirectories(dir.resolve("nasbench101"));
        Files.writeString(dir.resolve("nasbench101/nb101_vis30k.csv"), "hash,num_vertices,adj_upper_bits,labels,"
                + "val_acc_4,val_acc_12,val_acc_36,val_acc_108,final_training_time,trainable_parameters\n"
                + "0000718c96730a92ea6d5242f8ce77e2,3,101,-1 0 -2,0.1,0.2,0.3,0.9,1200.5,8555530\n");
        writeNb201("0" + ROW);
        assertEquals(ExitCode.PARTIAL_FAILURE.code(), CliTestSupport.run("data", "--data", dir.toString()).exitCode());
        CliTestSupport.Run r = CliTestSupport.run("data", "--data", dir.toString(), "--verify-hashes", "--json");
        assertEquals(ExitCode.PARTIAL_FAILURE.code(), r.exitCode());
        assertTrue(r.err().contains("nb101_vis30k.csv: line 2, column 'hash': hash 0000718c96730a92ea6d5242f8ce77e2 "
                + "does not match the cell"), r.err());
        JsonNode files = new ObjectMapper().readTree(r.out()).get("files");
        assertEquals("OK", files.get(0).get("status").asText());
        assertEquals("BAD", files.get(1).get("status").asText());
    }

    @Test
    void missingDataDirectoryIsBadInput() {
        CliTestSupport.Run r = CliTestSupport.run("data", "--data", dir.resolve("absent").toString());
        assertEquals(ExitCode.BAD_INPUT.code(), r.exitCode());
        assertTrue(r.err().contains("--data DIR") && r.err().contains("NARFORMER_DATA"), r.err());
    }
}
