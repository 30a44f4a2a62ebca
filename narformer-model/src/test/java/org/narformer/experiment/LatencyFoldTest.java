package org.narformer.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.narformer.BadInputException;

class LatencyFoldTest {
    private static LatencyDataset data() {
        List<LatencyDataset.Item> items = new ArrayList<>();
        for (String f : List.of("a", "b", "c")) {
            for (int i = 0; i < 20; i++) {
                items.add(LatencyTestItems.item(f, i, 1 + i, 1 + i, 0.1));
            }
        }
        return new LatencyDataset(Path.of("labels.txt"), items, Map.of());
    }

    @Test
    void leaveOneFamilyOutNeverTrainsOrSelectsOnTheTestFamily() {
        List<LatencyFold> folds = LatencyFold.leaveOneFamilyOut(data(), 0.1, List.of());
        assertEquals(List.of("a", "b", "c"), folds.stream().map(LatencyFold::name).toList());
        for (LatencyFold fold : folds) {
            assertTrue(fold.test().stream().allMatch(i -> i.family().equals(fold.name())));
            assertTrue(fold.train().stream().noneMatch(i -> i.family().equals(fold.name())));
            assertTrue(fold.validation().stream().noneMatch(i -> i.family().equals(fold.name())));
            assertEquals(20, fold.test().size());
            assertEquals(36, fold.train().size());
            assertEquals(4, fold.validation().size(), "the last 2 of each of the two training families");
            assertTrue(fold.validation().stream().allMatch(i -> i.sample().index() >= 18));
            assertDisjoint(fold.train(), fold.validation());
        }
        assertEquals(1, LatencyFold.leaveOneFamilyOut(data(), 0.1, List.of("b")).size());
        assertThrows(BadInputException.class, () -> LatencyFold.leaveOneFamilyOut(data(), 0.1, List.of("z")));
    }

    @Test
    void inDomainHoldsOutTheLastRowsOfEveryFamily() {
        LatencyFold fold = LatencyFold.inDomain(data(), 0.1, 0.1);
        assertEquals(6, fold.test().size());
        assertTrue(fold.test().stream().allMatch(i -> i.sample().index() >= 18));
        assertEquals(6, fold.validation().size());
        assertEquals(48, fold.train().size());
        assertDisjoint(fold.train(), fold.test());
        assertDisjoint(fold.validation(), fold.test());
        assertDisjoint(fold.train(), fold.validation());
    }

    private static void assertDisjoint(List<LatencyDataset.Item> a, List<LatencyDataset.Item> b) {
        Set<String> ids = new HashSet<>();
        a.forEach(i -> ids.add(i.sample().id()));
        assertTrue(b.stream().noneMatch(i -> ids.contains(i.sample().id())));
    }
}
