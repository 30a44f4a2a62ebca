package org.narformer.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.narformer.data.DataDirectory;
import org.narformer.graph.NetworkGraph;
import org.narformer.onnx.OnnxImporter;
import org.narformer.onnx.StaticFeatureMode;
import org.narformer.onnx.StaticFeatures;

/** Golden values of REFERENCE.md §3.1 "Worked test vector" and the extended parameter counts, on the real files. */
class WholeNetworkTokenizerIT {

    static NetworkGraph read(String file) {
        Optional<DataDirectory> data = DataDirectory.find(null);
        Assumptions.assumeTrue(data.isPresent(), "no data directory (../shared/data, NARFORMER_DATA): skipping");
        Path p = data.get().file("onnx/" + file);
        return OnnxImporter.read(p);
    }

    @Test
    void resnet18ReferenceStaticFeatures() {
        NetworkGraph g = read("resnet18-v1-7-no-weight.onnx");
        assertEquals(new StaticFeatures(3_636_354_048d, 11_699_112d, 19_930_000d),
                StaticFeatures.of(g, StaticFeatureMode.REFERENCE));
    }

    @Test
    void resnet18TokenChecksums() {
        NetworkGraph g = read("resnet18-v1-7-no-weight.onnx");
        TokenizedGraph t = new WholeNetworkTokenizer(NetworkTokenizerConfig.defaults()).tokenize(g);
        assertEquals(70, t.nodeCount());
        assertEquals(152, t.tokenDim());
        double oneHot = 0;
        double attrs = 0;
        double shape = 0;
        for (int i = 0; i < t.nodeCount(); i++) {
            for (int d = 0; d < 152; d++) {
                double v = t.token(i, d);
                if (d < 32) {
                    oneHot += v;
                } else if (d < 112) {
                    attrs += v;
                } else {
                    shape += v;
                }
            }
        }
        assertEquals(69, oneHot, 0);
        assertEquals(635.1423, attrs, 1e-3);
        assertEquals(1095.0856, shape, 1e-3);
        assertEquals(1799.2278, oneHot + attrs + shape, 1e-3);
        double staticSum = 0;
        for (float v : t.staticFeatures()) {
            staticSum += v;
        }
        assertEquals(40, t.staticDim());
        assertEquals(18.726, staticSum, 1e-3);
        // 77 directed edges → 154 nonzeros; degree histogram {1:2, 2:52, 3:16}
        int nonzeros = 0;
        Map<Integer, Integer> degrees = new TreeMap<>();
        for (int i = 0; i < t.nodeCount(); i++) {
            nonzeros += t.degree(i);
            degrees.merge(t.degree(i), 1, Integer::sum);
        }
        assertEquals(154, nonzeros);
        assertEquals(Map.of(1, 2, 2, 52, 3, 16), degrees);
    }

    @Test
    void resnet18FirstConvEncodesKernelSevenAsPeSeven() {
        NetworkGraph g = read("resnet18-v1-7-no-weight.onnx");
        TokenizedGraph t = new WholeNetworkTokenizer(NetworkTokenizerConfig.defaults()).tokenize(g);
        int conv = -1;
        for (int i = 0; i < g.nodeCount() && conv < 0; i++) {
            conv = g.node(i).opType().equals("Conv") ? i : -1;
        }
        float[] slot = new float[10];
        System.arraycopy(t.tokens(), conv * 152 + 32, slot, 0, 10);
        assertArrayEquals(SinusoidEncodingTest.PE_7, slot, 1e-5f);
    }

    @Test
    void extendedParameterCountsMatchTheTorchvisionModels() {
        Map<String, Double> expected = Map.of("alexnet-noweight.onnx", 61_100_840d, "vgg16-noweight.onnx",
                138_357_544d, "squeezenet1_0-noweight.onnx", 1_248_424d, "resnet18-noweight.onnx", 11_684_712d,
                "mobilenet_v2-noweight.onnx", 3_487_816d);
        for (Map.Entry<String, Double> e : new TreeMap<>(expected).entrySet()) {
            assertEquals(e.getValue(), StaticFeatures.of(read(e.getKey()), StaticFeatureMode.EXTENDED).paramCount(),
                    e.getKey());
        }
    }
}
