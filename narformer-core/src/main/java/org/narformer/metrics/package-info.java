/**
 * Prediction-quality metrics as the reference code computes them (REFERENCE.md §2.4): MAPE, RMSE, Acc(δ) for
 * δ = 1/5/10 %, Kendall τ-b (O(n log n), equal to {@code scipy.stats.kendalltau}) and Spearman ρ, overall and per
 * group in an {@link org.narformer.metrics.EvaluationReport}.
 */
package org.narformer.metrics;
