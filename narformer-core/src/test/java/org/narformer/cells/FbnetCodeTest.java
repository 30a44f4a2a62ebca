package org.narformer.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.narformer.BadInputException;

class FbnetCodeTest {
    /** Row 0 of help_fbnet_latency.csv. */
    static final String ROW0 = "7 8 1 8 4 8 8 8 7 4 1 4 7 3 2 7 3 2 4 2 4 5";

    @Test
    void parsesAndFormatsTheDataColumn() {
        FbnetCode code = FbnetCode.parse(ROW0);
        assertEquals(FbnetOp.K5_E6, code.ops().get(0));
        assertEquals(FbnetOp.SKIP, code.ops().get(1));
        assertEquals(FbnetOp.K3_E1_G2, code.ops().get(2));
        assertEquals(FbnetOp.K5_E1_G2, code.ops().get(21));
        assertEquals(ROW0, code.format());
        assertEquals(code, FbnetCode.of(code.codes()));
        assertEquals("k5_e1_g2", FbnetOp.K5_E1_G2.opName());
        assertEquals(2, FbnetOp.K5_E1_G2.groups());
    }

    @Test
    void layersCarryStageChannelsAndStride() {
        List<FbnetLayer> layers = FbnetCode.parse(ROW0).layers();
        assertEquals(22, layers.size());
        assertEquals(new FbnetLayer(0, 0, 0, FbnetOp.K5_E6, 16, 16, 1), layers.get(0));
        assertEquals(new FbnetLayer(1, 1, 0, FbnetOp.SKIP, 16, 24, 1), layers.get(1));
        assertEquals(new FbnetLayer(5, 2, 0, FbnetOp.SKIP, 24, 32, 2), layers.get(5));
        assertEquals(new FbnetLayer(6, 2, 1, FbnetOp.SKIP, 32, 32, 1), layers.get(6));
        assertEquals(new FbnetLayer(17, 5, 0, FbnetOp.K3_E3, 112, 184, 2), layers.get(17));
        assertEquals(new FbnetLayer(21, 6, 0, FbnetOp.K5_E1_G2, 184, 352, 1), layers.get(21));
        assertTrue(layers.get(0).keepsShape());
        assertTrue(!layers.get(5).keepsShape());
        int[] strides = layers.stream().mapToInt(FbnetLayer::stride).toArray();
        assertEquals(3, java.util.Arrays.stream(strides).filter(s -> s == 2).count());
    }

    @Test
    void badCodesAreLocated() {
        BadInputException count = assertThrows(BadInputException.class, () -> FbnetCode.parse("1 2 3", "f.csv: line 2"));
        assertTrue(count.problem().contains("expected 22 layer codes, found 3"), count.problem());
        BadInputException value = assertThrows(BadInputException.class,
                () -> FbnetCode.parse(ROW0.replaceFirst("^7 8 1", "7 9 1")));
        assertTrue(value.location().orElseThrow().startsWith("layer 2 of"), value.location().orElseThrow());
        assertThrows(BadInputException.class, () -> FbnetCode.parse(ROW0.replaceFirst("^7", "x")));
    }
}
