/**
 * NAR-Former V2 as DJL blocks (PyTorch engine), its configuration and checkpoint I/O.
 *
 * <p>Differences from the reference {@code predictor/model.py}, all without effect on the function computed:
 * <ul>
 *   <li>the reference runs the graphs of a batch one by one; here a batch is padded to its largest graph with a
 *       node mask ({@link org.narformer.model.GraphBatch}) and run with batched dense ops. Padded nodes have no
 *       edges, so they receive no attention and never reach real nodes, and the readouts mask them out: a padded
 *       batch equals the graphs one by one up to float rounding (tested);</li>
 *   <li>only {@code --glt_norm LN}, {@code feat_shuffle=False}, one head and {@code --norm_sf} (for whole
 *       networks) are implemented — the settings of every official script.</li>
 * </ul>
 */
package org.narformer.model;
