package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The latency predictors that ship in {@code predictors/} load and give, for the example networks, the predictions
 * they gave when they were fitted (float32; a processor may change the last bits): {@code latency predict} with no
 * argument uses the default predictor on the examples, as the README's first command does.
 */
class ShippedPredictorsIT {
    private static final Map<String, Double> V2 = Map.of("fbnet-0.onnx", 6.4153008460998535,
            "mobilenetv2-1.onnx", 23.426006317138672, "nb201-0.onnx", 0.3152369260787964,
            "nb201-5.onnx", 0.8420505523681641, "nb201-9930.onnx", 2.6509244441986084,
            "resnet18-base.onnx", 25.8118896484375);
    private static final Map<String, Double> NNLP = Map.of("fbnet-0.onnx", 3.214672327041626,
            "mobilenetv2-1.onnx", 23.7086181640625, "nb201-0.onnx", 0.3629355728626251,
            "nb201-5.onnx", 0.8617006540298462, "nb201-9930.onnx", 2.532510995864868,
            "resnet18-base.onnx", 25.05307388305664);

    @Test
    void theDefaultPredictorOnTheExamples() throws Exception {
        String before = System.getProperty("narformer.home");
        System.setProperty("narformer.home", "..");
        try {
            assertClose(V2, predictions());
            assertClose(NNLP, predictions("--predictor", "../predictors/zoo-cpu1-nnlp"));
        } finally {
            if (before == null) {
                System.clearProperty("narformer.home");
            } else {
                System.setProperty("narformer.home", before);
            }
        }
    }

    private static void assertClose(Map<String, Double> expected, Map<String, Double> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((file, ms) -> assertEquals(ms, actual.get(file), 1e-4 * ms, file));
    }

    /** The predictions of {@code latency predict ARGS}, by file name. */
    private static Map<String, Double> predictions(String... args) throws Exception {
        String[] command = new String[args.length + 4];
        command[0] = "latency";
        command[1] = "predict";
        command[2] = "--format";
        command[3] = "json";
        System.arraycopy(args, 0, command, 4, args.length);
        CliTestSupport.Run run = CliTestSupport.run(command);
        assertEquals(0, run.exitCode(), run.err());
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode n : new ObjectMapper().readTree(run.out()).get("networks")) {
            String file = n.get("file").asText();
            out.put(file.substring(file.lastIndexOf('/') + 1), n.get("latencyMs").asDouble());
        }
        return out;
    }
}
