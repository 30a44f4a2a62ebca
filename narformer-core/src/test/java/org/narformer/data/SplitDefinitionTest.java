package org.narformer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.narformer.BadInputException;

class SplitDefinitionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** n samples, index i, group "g(i % groups)", stage TRAIN for the first 90 % of each group. */
    static List<Sample> samples(int n, int groups) {
        List<Sample> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Stage stage = i < n * 9 / 10 ? Stage.TRAIN : Stage.TEST;
            list.add(new Sample("s" + i, new GraphSource.Onnx(Path.of("m" + i + ".onnx"), 1),
                    Targets.of(List.of("latency_ms"), 1 + i), "g" + (i % groups), stage, i, i + 1));
        }
        return list;
    }

    private static List<Integer> indices(List<Sample> samples) {
        return samples.stream().map(Sample::index).toList();
    }

    @Test
    void firstNIsTheReferenceProtocol() {
        List<Sample> all = samples(1000, 1);
        Split split = SplitDefinition.FirstN.reference(100).apply(all);
        assertEquals(100, split.train().size());
        assertEquals(200, split.validation().size());
        assertEquals(1000, split.test().size());
        assertEquals(0, split.train().get(0).index());
        assertEquals(100, split.validation().get(0).index());
        assertEquals(299, split.validation().get(199).index());
        Split rest = new SplitDefinition.FirstN(100, 200, false).apply(all);
        assertEquals(700, rest.test().size());
        assertEquals(300, rest.test().get(0).index());
    }

    @Test
    void splitsDoNotDependOnInputOrder() {
        List<Sample> all = samples(500, 5);
        List<Sample> reversed = new ArrayList<>(all);
        Collections.reverse(reversed);
        for (SplitDefinition d : List.of(SplitDefinition.FirstN.reference(50), new SplitDefinition.Shuffled(100, 50, 7),
                new SplitDefinition.KFold(5, 2, 7), SplitDefinition.LeaveGroupOut.of("g3"),
                new SplitDefinition.ByStage())) {
            assertEquals(d.apply(all), d.apply(reversed), d.toString());
        }
    }

    @Test
    void randomSplitIsSeededAndDisjoint() {
        List<Sample> all = samples(300, 1);
        Split a = new SplitDefinition.Shuffled(200, 40, 42).apply(all);
        assertEquals(List.of(200, 40, 60), List.of(a.train().size(), a.validation().size(), a.test().size()));
        Set<Integer> seen = new HashSet<>();
        for (List<Sample> part : List.of(a.train(), a.validation(), a.test())) {
            part.forEach(s -> assertTrue(seen.add(s.index()), "sample in two parts: " + s.index()));
        }
        assertEquals(300, seen.size());
        assertEquals(a, new SplitDefinition.Shuffled(200, 40, 42).apply(all));
        assertNotEquals(indices(a.train()), indices(new SplitDefinition.Shuffled(200, 40, 43).apply(all).train()));
        assertNotEquals(indices(all.subList(0, 200)), indices(a.train()), "a random split is not the first 200");
    }

    @Test
    void kFoldTestsEverySampleExactlyOnce() {
        List<Sample> all = samples(103, 1);
        Set<Integer> tested = new HashSet<>();
        for (SplitDefinition.KFold d : SplitDefinition.KFold.all(5, 9)) {
            Split s = d.apply(all);
            assertEquals(103, s.train().size() + s.test().size());
            assertTrue(s.test().size() == 20 || s.test().size() == 21, "fold sizes differ by at most one");
            s.test().forEach(x -> assertTrue(tested.add(x.index())));
        }
        assertEquals(103, tested.size());
    }

    @Test
    void leaveGroupOutWithValidationGroups() {
        List<Sample> all = samples(100, 4);
        Split s = new SplitDefinition.LeaveGroupOut("g1", List.of("g2")).apply(all);
        assertEquals(List.of(50, 25, 25), List.of(s.train().size(), s.validation().size(), s.test().size()));
        s.test().forEach(x -> assertEquals("g1", x.group()));
        s.train().forEach(x -> assertTrue(x.group().equals("g0") || x.group().equals("g3")));
        assertEquals(List.of("g0", "g1", "g2", "g3"), SplitDefinition.LeaveGroupOut.each(all).stream()
                .map(SplitDefinition.LeaveGroupOut::testGroup).toList());
        BadInputException e = assertThrows(BadInputException.class,
                () -> SplitDefinition.LeaveGroupOut.of("vgg16").apply(all));
        assertTrue(e.getMessage().contains("g0, g1, g2, g3"), e.getMessage());
    }

    @Test
    void stageSplitNeedsAStage() {
        Split s = new SplitDefinition.ByStage().apply(samples(100, 2));
        assertEquals(90, s.train().size());
        assertEquals(10, s.test().size());
        List<Sample> noStage = List.of(new Sample("x", new GraphSource.Onnx(Path.of("x.onnx"), 1), Targets.none(), "g",
                Stage.NONE, 0, 7));
        BadInputException e = assertThrows(BadInputException.class, () -> new SplitDefinition.ByStage().apply(noStage));
        assertTrue(e.getMessage().contains("line 7"), e.getMessage());
    }

    @Test
    void tooFewSamplesIsBadInput() {
        assertThrows(BadInputException.class, () -> SplitDefinition.FirstN.reference(900).apply(samples(1000, 1)));
        assertThrows(IllegalArgumentException.class, () -> new SplitDefinition.KFold(3, 3, 1));
    }

    @Test
    void definitionsAndSummariesRoundTripThroughJson() throws Exception {
        for (SplitDefinition d : List.of(SplitDefinition.FirstN.reference(781), new SplitDefinition.Shuffled(10, 5, 3),
                new SplitDefinition.KFold(5, 1, 3), new SplitDefinition.LeaveGroupOut("vgg16", List.of("alexnet")),
                new SplitDefinition.ByStage())) {
            String json = JSON.writeValueAsString(d);
            assertTrue(json.contains("\"kind\""), json);
            assertEquals(d, JSON.readValue(json, SplitDefinition.class), json);
        }
        Split.Summary summary = SplitDefinition.FirstN.reference(100).apply(samples(1000, 1)).summary();
        String json = JSON.writeValueAsString(summary);
        assertEquals("{\"definition\":{\"kind\":\"first-n\",\"trainCount\":100,\"validationCount\":200,"
                + "\"testOnAll\":true},\"train\":100,\"validation\":200,\"test\":1000}", json);
        assertEquals(summary, JSON.readValue(json, Split.Summary.class));
    }
}
