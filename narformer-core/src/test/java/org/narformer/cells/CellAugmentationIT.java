package org.narformer.cells;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.narformer.data.DataDirectory;
import org.narformer.graph.NetworkGraph;

/** Both augmentations over all 30,001 labelled NAS-Bench-101 cells and all 15,625 NAS-Bench-201 cells. */
class CellAugmentationIT {

    private static DataDirectory data() {
        var dir = DataDirectory.find(null);
        Assumptions.assumeTrue(dir.isPresent(), "no data directory (../shared/data or NARFORMER_DATA): skipping");
        return dir.get();
    }

    @Test
    void nb101AugmentationsKeepTheCellHash() throws IOException {
        Path csv = data().file("nasbench101/nb101_vis30k.csv");
        List<String> lines = Files.readAllLines(csv);
        int v2Count = 0;
        int v1Count = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", 5);
            NetworkGraph g = Nb101Cell.parse(f[2], f[3], csv + ": line " + (i + 1)).toGraph();
            Optional<int[]> v2 = CellAugmentation.V2_FIRST_VALID.permutation(g);
            Optional<int[]> v1 = CellAugmentation.V1_FIRST_TWO.permutation(g);
            if (v2.isPresent()) {
                v2Count++;
                NetworkGraph a = CellAugmentation.relabel(g, v2.get());
                CellAugmentationTest.assertSameFunction(g, a, v2.get());
                assertEquals(f[0], Nb101Cell.fromGraph(a).hash(), "line " + (i + 1));
            }
            if (v1.isPresent()) {
                v1Count++;
                int n = g.nodeCount();
                int[] swapLastTwo = new int[n];
                for (int k = 0; k < n; k++) {
                    swapLastTwo[k] = k;
                }
                swapLastTwo[n - 2] = n - 3;
                swapLastTwo[n - 3] = n - 2;
                assertArrayEquals(swapLastTwo, v1.get(), "line " + (i + 1));
                assertTrue(v2.isPresent(), "V2 tries every permutation V1 tries");
                assertEquals(f[0], Nb101Cell.fromGraph(CellAugmentation.relabel(g, v1.get())).hash());
            }
        }
        System.out.printf("CellAugmentationIT: NB101 cells with a V2 augmentation %d, with a V1 one %d, of %d%n",
                v2Count, v1Count, lines.size() - 1);
        assertTrue(v1Count < v2Count && v2Count < lines.size() - 1);
    }

    @Test
    void nb201EveryCellIsAugmentedTheSameWayByBothPapers() {
        Nb201Index index = Nb201Index.read(data().file(Nb201Index.DATA_FILE));
        int[] expected = {0, 1, 2, 3, 4, 6, 5, 7};
        for (Nb201Cell cell : index.cells()) {
            NetworkGraph g = cell.toGraph();
            assertArrayEquals(expected, CellAugmentation.V2_FIRST_VALID.permutation(g).orElseThrow());
            assertArrayEquals(expected, CellAugmentation.V1_FIRST_TWO.permutation(g).orElseThrow());
        }
    }
}
