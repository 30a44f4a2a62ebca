package org.narformer.experiment;

import java.util.List;

import org.narformer.BadInputException;

/**
 * The FLOPs baselines of NNLQP (REFERENCE.md §5): latency as a linear function of FLOPs
 * ({@code latency ≈ a·GFLOPs + b}) or of FLOPs and memory access ({@code latency ≈ a·GFLOPs + c·Gmemory + b}),
 * fitted by ordinary least squares on the training networks.
 *
 * @param useMemoryAccess whether memory access is the second regressor (FLOPs+MAC)
 * @param coefficients    {@code [b, a]} or {@code [b, a, c]}
 */
public record LinearLatencyModel(boolean useMemoryAccess, double[] coefficients) {
    /** Fits by least squares (normal equations, solved by Gaussian elimination with partial pivoting). */
    public static LinearLatencyModel fit(List<LatencyDataset.Item> train, boolean useMemoryAccess) {
        int k = useMemoryAccess ? 3 : 2;
        if (train.size() < k) {
            throw new BadInputException("training set", null, "needs at least " + k + " networks, has "
                    + train.size());
        }
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        for (LatencyDataset.Item item : train) {
            double[] x = regressors(item, useMemoryAccess);
            for (int i = 0; i < k; i++) {
                xty[i] += x[i] * item.latencyMs();
                for (int j = 0; j < k; j++) {
                    xtx[i][j] += x[i] * x[j];
                }
            }
        }
        return new LinearLatencyModel(useMemoryAccess, solve(xtx, xty));
    }

    /** The predicted latency in ms. */
    public double predict(LatencyDataset.Item item) {
        double[] x = regressors(item, useMemoryAccess);
        double y = 0;
        for (int i = 0; i < x.length; i++) {
            y += coefficients[i] * x[i];
        }
        return y;
    }

    private static double[] regressors(LatencyDataset.Item item, boolean useMemoryAccess) {
        return useMemoryAccess ? new double[] {1, item.gflops(), item.gmemoryAccess()}
                : new double[] {1, item.gflops()};
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-300) {
                throw new BadInputException("training set", null,
                        "the regressors are collinear (all networks have the same FLOPs?)");
            }
            double[] rowSwap = a[col];
            a[col] = a[pivot];
            a[pivot] = rowSwap;
            double bSwap = b[col];
            b[col] = b[pivot];
            b[pivot] = bSwap;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= f * a[col][c];
                }
                b[r] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < n; c++) {
                s -= a[r][c] * x[c];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }
}
