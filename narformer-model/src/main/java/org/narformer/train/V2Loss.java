package org.narformer.train;

import ai.djl.ndarray.NDArray;

/**
 * The V2 training loss (REFERENCE.md §4.4; {@code main.py:366-395}, {@code model.py SRLoss}):
 * {@code MSE(pred / y, 1) + λ_SR · L1((pred − pred[π]) − (y − y[π])) + λ_cons · L1(pred_aug, pred_orig)}.
 * With the consistency loss the batch is {@code [B originals; B augmented]} and the first two terms run
 * on all 2B rows.
 */
final class V2Loss {
    private V2Loss() {
    }

    /** Mean squared relative error {@code mean((pred / y − 1)²)}; both {@code [N, 1]}. */
    static NDArray relativeMse(NDArray pred, NDArray y) {
        return pred.div(y).subi(1f).square().mean();
    }

    /** Pairwise ranking loss against the permutation {@code perm} of the rows. */
    static NDArray pairwise(NDArray pred, NDArray y, int[] perm) {
        NDArray index = pred.getManager().create(perm);
        NDArray dp = pred.sub(pred.get(index));
        NDArray dy = y.sub(y.get(index));
        return dp.sub(dy).abs().mean();
    }

    /** {@code mean |pred[B:2B] − pred[0:B]|} for a batch of {@code 2B} rows. */
    static NDArray consistency(NDArray pred) {
        long b = pred.getShape().get(0) / 2;
        return pred.get(b + ":").sub(pred.get(":" + b)).abs().mean();
    }
}
