package org.narformer.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.narformer.cells.FbnetCode;
import org.narformer.cells.FbnetLayer;
import org.narformer.cells.Nb201Cell;
import org.narformer.data.DataDirectory;
import org.narformer.graph.TensorShape;

/** NB201 networks have the benchmark's parameter counts; FBNet networks have the README's stage shapes. */
class WholeNetworksIT {

    private static DataDirectory data() {
        Optional<DataDirectory> d = DataDirectory.find(null);
        Assumptions.assumeTrue(d.isPresent(), "shared data directory not found (../shared/data or NARFORMER_DATA)");
        return d.get();
    }

    @Test
    void nb201ParamCountsMatchParamsCifar10() throws IOException {
        Path csv = data().file("nasbench201/nb201_merged.csv");
        int checked = 0;
        try (BufferedReader r = Files.newBufferedReader(csv)) {
            String header = r.readLine();
            List<String> cols = List.of(header.split(","));
            int arch = cols.indexOf("arch_str");
            int params = cols.indexOf("params_cifar10");
            String line;
            int row = 0;
            while ((line = r.readLine()) != null) {
                if (row++ % 125 != 0) {
                    continue;
                }
                String[] f = line.split(",");
                // the column holds absolute counts (129306 for index 0), not millions
                long expected = Math.round(Double.parseDouble(f[params]));
                long actual = NetworkStats.of(Nb201Network.build(Nb201Cell.parse(f[arch])).toGraph()).paramCount();
                assertEquals(expected, actual, f[arch]);
                checked++;
            }
        }
        assertEquals(125, checked);
    }

    @Test
    void fbnetStageShapesForEveryHelpCode() throws IOException {
        Path csv = data().file("latency/help_fbnet_latency.csv");
        int checked = 0;
        try (BufferedReader r = Files.newBufferedReader(csv)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                FbnetCode code = FbnetCode.parse(line.split(",")[1]);
                FbnetNetwork net = FbnetNetwork.build(code);
                Map<String, TensorShape> shapes = net.model().inferShapes(1);
                int size = FbnetNetwork.RESOLUTION;
                for (FbnetLayer layer : code.layers()) {
                    size /= layer.stride();
                    assertEquals(TensorShape.of(1, layer.outChannels(), size, size),
                            shapes.get(net.layerOutputs().get(layer.index())), code + " layer " + layer.index());
                }
                assertEquals(4, size);
                checked++;
            }
        }
        assertEquals(5000, checked);
    }
}
