package org.narformer.train;

import ai.djl.ndarray.NDArray;

/**
 * The V1 training loss (REFERENCE.md §6.3; {@code main.py:66-72}, {@code layers/loss.py}):
 * {@code λ_mse·MSE(pred, y) + λ_diff·L1(pred − pred[π], y − y[π]) + λ_cons·L1(pred_aug, pred_orig)}. With the
 * consistency loss the batch is {@code [B originals; B augmented]} and the first two terms run on all 2B rows.
 * Plain MSE (not V2's relative one).
 */
final class V1Loss {
    private V1Loss() {
    }

    /**
     * @param pred predictions {@code [N, 1]}
     * @param y    labels {@code [N, 1]}
     * @param perm the in-batch permutation of the pairwise term
     */
    static NDArray total(NDArray pred, NDArray y, int[] perm, V1TrainConfig config) {
        NDArray loss = pred.sub(y).square().mean().mul(config.lambdaMse());
        if (config.lambdaDiff() > 0) {
            loss = loss.add(V2Loss.pairwise(pred, y, perm).mul(config.lambdaDiff()));
        }
        if (config.usesAugmentation()) {
            loss = loss.add(V2Loss.consistency(pred).mul(config.lambdaConsistency()));
        }
        return loss;
    }
}
