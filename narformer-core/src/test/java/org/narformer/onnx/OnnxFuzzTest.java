package org.narformer.onnx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.narformer.BadInputException;

/** Corrupted model bytes either import or fail with a one-line {@link BadInputException}, never otherwise. */
class OnnxFuzzTest {

    @Test
    void corruptedBytesNeverEscapeAsOtherExceptions() {
        byte[][] originals = {OnnxModelTest.miniResNet().toBytes(), TransformerShapesTest.encoderLayer().toBytes()};
        SplittableRandom random = new SplittableRandom(Long.getLong("fuzz.seed", 20231123));
        int rejected = 0;
        for (int trial = 0; trial < Integer.getInteger("fuzz.trials", 1500); trial++) {
            byte[] original = originals[trial % 2];
            byte[] bytes = original.clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            try {
                OnnxImporter.read(bytes, "fuzz" + trial);
            } catch (BadInputException e) {
                rejected++;
                assertTrue(e.getMessage().startsWith("fuzz" + trial + ": "), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            } catch (RuntimeException e) {
                fail("trial " + trial + " escaped as " + e, e);
            }
        }
        assertTrue(rejected > 100, "only " + rejected + " corruptions were rejected");
    }
}
