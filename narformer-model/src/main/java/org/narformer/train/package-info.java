/**
 * Training and inference facades for NAR-Former V2: {@link org.narformer.train.Trainer} (losses, Adam,
 * linear warm-up/decay per iteration, per-epoch evaluation, best and last checkpoints, resume) and
 * {@link org.narformer.train.Predictor}; {@link org.narformer.train.ModelBenchmark} measures speed.
 *
 * <p>Differences from the reference {@code predictor/main.py}:
 * <ul>
 *   <li>model selection uses a validation set by default; the reference NNLQP protocol (best epoch on the test
 *       set) is the named option {@link org.narformer.train.SelectionSet#BEST_ON_TEST_REFERENCE};</li>
 *   <li>training is seeded (the reference is not): initialisation, dropout, batch order and SR permutations are
 *       derived from one master seed per purpose and epoch, so a resumed run equals the uninterrupted one;</li>
 *   <li>graphs of different sizes are grouped into batches of similar size
 *       ({@link org.narformer.model.BatchPlanner#shuffledBuckets}); for equal-size cells this is the reference's
 *       uniform random batching;</li>
 *   <li>Adam is computed exactly as {@code torch.optim.Adam} (the fused DJL update with a corrected ε).</li>
 * </ul>
 */
package org.narformer.train;
