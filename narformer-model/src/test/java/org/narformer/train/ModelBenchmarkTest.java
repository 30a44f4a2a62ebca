package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.narformer.model.V2Config;

class ModelBenchmarkTest {
    @Test
    void forwardFlopsCountTheDenseLayersAndNeighbourProducts() {
        // NAS-Bench V2, one token in an 8-node cell: layer 0 reads 128-d tokens, layers 1-5 512-d
        double layer0 = 128.0 * 128 + 2 * 128 * 512 + 2 * 512 * 2048 / 8 + 2 * 8 * 128;
        double layer = 512.0 * 512 + 2 * 512 * 512 + 2 * 512 * 2048 / 8 + 2 * 8 * 512;
        assertEquals(2 * (layer0 + 5 * layer) / 1e9, ModelBenchmark.forwardGflop(V2Config.nasBench(), 1, 8), 1e-15);
        // NNLP: W_l and W_r plus the neighbour mean
        double nnlp = 2.0 * 44 * 512 + 150 * 44 + 2.0 * 512 * 512 + 150 * 512;
        assertEquals(2 * nnlp * 10 / 1e9, ModelBenchmark.forwardGflop(V2Config.nnlp(), 10, 150), 1e-15);
    }
}
