package org.narformer.data;

import org.junit.jupiter.api.Assumptions;

/** Locates the real data for {@code *IT} tests, skipping them with a clear message only when it is absent. */
final class RealData {
    private RealData() {
    }

    static DataDirectory directory() {
        DataDirectory dir = DataDirectory.find(null).orElse(null);
        Assumptions.assumeTrue(dir != null, "real data not found: set " + DataDirectory.ENV
                + " or put it at ../shared/data (skipping)");
        return dir;
    }
}
