package org.narformer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.narformer.tokenizer.TokenizedGraph;

class GraphBatchTest {
    @Test
    void padsToTheLargestGraphAndCountsPadding() {
        V2Config config = V2Config.nasBench().withTokenDim(4);
        SplittableRandom rng = new SplittableRandom(1);
        GraphBatch batch = GraphBatch.of(List.of(SyntheticGraphs.random(3, 4, 0, rng),
                SyntheticGraphs.random(5, 4, 0, rng)), config);
        assertEquals(5, batch.maxNodes());
        assertEquals(8, batch.realNodes());
        assertEquals(10, batch.paddedNodes());
        assertEquals(0.2, batch.paddingFraction(), 1e-12);
    }

    @Test
    void rejectsTokensOrStaticFeaturesOfTheWrongWidth() {
        SplittableRandom rng = new SplittableRandom(1);
        TokenizedGraph g = SyntheticGraphs.random(3, 4, 0, rng);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphBatch.of(List.of(g), V2Config.nasBench()));
        assertTrue(e.getMessage().contains("4-d tokens") && e.getMessage().contains("128"), e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> GraphBatch.of(List.of(g), V2Config.nnlqp().withTokenDim(4)));
        assertTrue(s.getMessage().contains("0 static features"), s.getMessage());
    }
}
