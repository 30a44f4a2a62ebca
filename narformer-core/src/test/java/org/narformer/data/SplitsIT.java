package org.narformer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The reference protocols on the real data give the published split sizes. */
class SplitsIT {
    private final DataDirectory dir = RealData.directory();

    @Test
    void nasBench201FirstN() {
        List<Sample> all = DataFile.NB201.read(dir, ReadPolicy.STRICT).samples();
        Split split = SplitDefinition.FirstN.reference(781).apply(all);
        assertEquals(new Split.Summary(SplitDefinition.FirstN.reference(781), 781, 200, 15_625), split.summary());
        assertEquals(0, split.train().get(0).index());
        assertEquals(780, split.train().get(780).index());
        assertEquals(781, split.validation().get(0).index());
    }

    @Test
    void nnlqpStage() {
        List<Sample> all = DataFile.NNLQP.read(dir, ReadPolicy.STRICT).samples();
        Split split = new SplitDefinition.ByStage().apply(all);
        assertEquals(18_000, split.train().size());
        assertEquals(0, split.validation().size());
        assertEquals(2_000, split.test().size());
        // the last 200 of each family, in file order: nasbench201 test rows are lines 19801..20000
        assertTrue(split.test().stream().filter(s -> s.group().equals("nasbench201"))
                .allMatch(s -> s.line() >= 19_801 && s.line() <= 20_000));
    }

    @Test
    void nnlqpLeaveOneFamilyOut() {
        List<Sample> all = DataFile.NNLQP.read(dir, ReadPolicy.STRICT).samples();
        List<SplitDefinition.LeaveGroupOut> definitions = SplitDefinition.LeaveGroupOut.each(all);
        assertEquals(List.of("alexnet", "efficientb0", "googlenet", "mnasnet", "mobilenetv2", "mobilenetv3",
                "nasbench201", "resnet18", "squeezenet", "vgg16"),
                definitions.stream().map(SplitDefinition.LeaveGroupOut::testGroup).toList());
        for (SplitDefinition.LeaveGroupOut d : definitions) {
            Split split = d.apply(all);
            assertEquals(18_000, split.train().size(), d.testGroup());
            assertEquals(2_000, split.test().size(), d.testGroup());
            assertTrue(split.train().stream().noneMatch(s -> s.group().equals(d.testGroup())));
        }
        Split withValidation = new SplitDefinition.LeaveGroupOut("vgg16", List.of("alexnet")).apply(all);
        assertEquals(List.of(16_000, 2_000, 2_000), List.of(withValidation.train().size(),
                withValidation.validation().size(), withValidation.test().size()));
    }
}
