package org.narformer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class SamplesTest {
    private static Sample sample(int i, String group, Targets targets) {
        return new Sample("s" + i, new GraphSource.Onnx(Path.of("m.onnx"), 1), targets, group, Stage.NONE, i, i + 2);
    }

    @Test
    void targetValuesAndGroupsFollowTheList() {
        List<Sample> list = List.of(sample(0, "vgg16", Targets.of(List.of("latency_ms"), 2.5)),
                sample(1, "alexnet", Targets.of(List.of("latency_ms"), 1.5)));
        assertArrayEquals(new double[] {2.5, 1.5}, Samples.targetValues(list, "latency_ms"));
        assertArrayEquals(new String[] {"vgg16", "alexnet"}, Samples.groups(list));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samples.targetValues(list, "test"));
        assertEquals("sample 's0' (line 2) has no target 'test' (it has [latency_ms])", e.getMessage());
    }

    @Test
    void perTargetTurnsDeviceColumnsIntoGroups() {
        List<String> devices = List.of("1080ti_1", "pixel3");
        List<Sample> help = List.of(sample(0, "nasbench201", Targets.of(devices, 10.0, 3.5)),
                sample(1, "nasbench201", Targets.of(devices, 12.0, 4.5)));
        List<Sample> view = Samples.perTarget(help, "latency_ms");
        assertEquals(List.of("s0@1080ti_1", "s0@pixel3", "s1@1080ti_1", "s1@pixel3"),
                view.stream().map(Sample::id).toList());
        assertArrayEquals(new String[] {"1080ti_1", "pixel3", "1080ti_1", "pixel3"}, Samples.groups(view));
        assertArrayEquals(new double[] {10.0, 3.5, 12.0, 4.5}, Samples.targetValues(view, "latency_ms"));
        assertEquals(help.get(1).source(), view.get(3).source());
        assertEquals(1, view.get(3).index());
    }
}
