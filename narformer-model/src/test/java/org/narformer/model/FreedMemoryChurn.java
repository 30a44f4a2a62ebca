package org.narformer.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * What a busy JVM may do between a forward and a backward pass, on purpose: collect garbage, let the cleaners free
 * the direct buffers it found, then take many small native blocks and fill them with {@code 1e30}. A backward pass
 * that still reads freed Java memory (see {@link AutogradScalar}) then gives different gradients.
 */
public final class FreedMemoryChurn {
    private FreedMemoryChurn() {
    }

    /** Runs the churn; keep the returned buffers reachable until the backward pass has run. */
    public static List<ByteBuffer> reuseFreedMemory() {
        List<ByteBuffer> buffers = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < 20_000; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
                b.putFloat(0, 1e30f);
                buffers.add(b);
            }
        }
        return buffers;
    }
}
