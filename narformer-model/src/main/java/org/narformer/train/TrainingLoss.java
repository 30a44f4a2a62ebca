package org.narformer.train;

import ai.djl.ndarray.NDArray;
import org.narformer.model.AutogradScalar;

/**
 * The training loss of every model family: a main term, {@code + λ_SR · L1((pred − pred[π]) − (y − y[π]))} and
 * {@code + λ_cons · L1(pred_aug, pred_orig)}. The main term is V2's (and NNLP's) relative MSE
 * {@code MSE(pred / y, 1)} (REFERENCE.md §4.4; {@code main.py:366-395}, {@code model.py SRLoss}) or V1's plain MSE
 * (§6.3; {@code main.py:66-72}, {@code layers/loss.py}), or the log-ratio MSE (an option of ours). With the
 * consistency loss the batch is {@code [B originals; B augmented]} and the first two terms run on all 2B rows.
 */
final class TrainingLoss {
    private TrainingLoss() {
    }

    /**
     * @param pred predictions {@code [N, D]} (D outputs: every term is a mean over all N·D entries)
     * @param y    labels {@code [N, D]}
     * @param perm the in-batch permutation of the pairwise term (used when {@code lambdaSr > 0})
     */
    static NDArray total(NDArray pred, NDArray y, int[] perm, TrainConfig config) {
        NDArray loss = switch (config.objective()) {
            case MSE -> mse(pred, y);
            case LOG_MSE -> logMse(pred, y);
            case RELATIVE_MSE -> relativeMse(pred, y);
        };
        if (config.lambdaSr() > 0) {
            loss = loss.add(AutogradScalar.times(pairwise(pred, y, perm), config.lambdaSr()));
        }
        if (config.usesAugmentation()) {
            loss = loss.add(AutogradScalar.times(consistency(pred), config.lambdaCons()));
        }
        return loss;
    }

    /** Mean squared relative error {@code mean((pred / y − 1)²)}; both {@code [N, D]}. */
    static NDArray relativeMse(NDArray pred, NDArray y) {
        return pred.div(y).subi(1f).square().mean();
    }

    /** Mean squared log ratio {@code mean((ln pred − ln y)²)}; both {@code [N, D]}, positive. */
    static NDArray logMse(NDArray pred, NDArray y) {
        return pred.log().subi(y.log()).square().mean();
    }

    /** Mean squared error {@code mean((pred − y)²)}; both {@code [N, D]}. */
    static NDArray mse(NDArray pred, NDArray y) {
        return pred.sub(y).square().mean();
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
