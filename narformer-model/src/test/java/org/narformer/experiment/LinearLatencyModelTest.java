package org.narformer.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.narformer.BadInputException;

class LinearLatencyModelTest {
    @Test
    void recoversExactLinearRelations() {
        SplittableRandom rng = new SplittableRandom(3);
        List<LatencyDataset.Item> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double g = 0.1 + rng.nextDouble() * 10;
            double m = 0.01 + rng.nextDouble();
            items.add(LatencyTestItems.item("f", i, 2.5 + 4 * (float) g + 30 * (float) m, g, m));
        }
        LinearLatencyModel mac = LinearLatencyModel.fit(items, true);
        assertEquals(2.5, mac.coefficients()[0], 1e-3);
        assertEquals(4, mac.coefficients()[1], 1e-4);
        assertEquals(30, mac.coefficients()[2], 1e-3);
        LatencyDataset.Item probe = LatencyTestItems.item("f", 99, 0, 2, 0.5);
        assertEquals(2.5 + 8 + 15, mac.predict(probe), 1e-3);

        LinearLatencyModel flops = LinearLatencyModel.fit(items, false);
        assertEquals(2, flops.coefficients().length);
    }

    @Test
    void collinearOrTooFewNetworksAreClearErrors() {
        List<LatencyDataset.Item> same = List.of(LatencyTestItems.item("f", 0, 1, 2, 0.1),
                LatencyTestItems.item("f", 1, 2, 2, 0.1), LatencyTestItems.item("f", 2, 3, 2, 0.1));
        BadInputException e = assertThrows(BadInputException.class, () -> LinearLatencyModel.fit(same, false));
        assertEquals(true, e.getMessage().contains("collinear"), e.getMessage());
        assertThrows(BadInputException.class, () -> LinearLatencyModel.fit(same.subList(0, 2), true));
    }
}
