package org.narformer.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Times Kendall τ-b and Spearman ρ on 423,624 tied points (the NAS-Bench-101 size); not a test. Run after
 * {@code mvn -pl narformer-core test-compile}:
 * {@code java -cp narformer-core/target/test-classes:narformer-core/target/classes org.narformer.metrics.KendallTauBenchmark}.
 */
public final class KendallTauBenchmark {
    private KendallTauBenchmark() {
    }

    public static void main(String[] args) {
        int n = 423_624;
        SplittableRandom random = new SplittableRandom(1);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + Math.round(random.nextDouble() * 1e4) / 1e4;
            y[i] = x[i] + random.nextGaussian() * 0.1;
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < 5; rep++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            double tau = KendallTau.tauB(x, y);
            long c1 = cpu.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            double rho = SpearmanRho.rho(x, y);
            long c2 = cpu.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "n=%d tau=%.6f %d ms (cpu %d ms)   rho=%.6f %d ms (cpu %d ms)%n", n, tau,
                    (t1 - t0) / 1_000_000, (c1 - c0) / 1_000_000, rho, (t2 - t1) / 1_000_000, (c2 - c1) / 1_000_000);
        }
    }
}
