package org.narformer.experiment;

import org.narformer.metrics.Metrics;

/**
 * One latency predictor of the multi-device protocol scored on one device's test networks.
 *
 * @param device        the device column
 * @param method        {@link MultiDeviceExperiment#PER_DEVICE}, {@link MultiDeviceExperiment#MULTI_HEAD} (source
 *                      devices) or {@link MultiDeviceExperiment#SCRATCH}, {@link MultiDeviceExperiment#TRANSFER},
 *                      {@link MultiDeviceExperiment#NEAREST_DEVICE} (few-shot target devices)
 * @param shots         labelled networks of this device the predictor saw (the pre-training set size for source
 *                      devices)
 * @param seed          the seed of the fit (and of the few-shot draw)
 * @param test          metrics on the test networks (MAPE, Acc@10 %, Spearman ρ, …)
 * @param selectedEpoch the epoch whose weights were scored (validation-selected for pre-training, the last for
 *                      few-shot fits, 0 when nothing was trained)
 * @param seconds       wall time of the fit
 * @param sourceDevice  the source device whose head started the fit or was rescaled ({@code transfer},
 *                      {@code nearest-device}), else null
 * @param predicted     the predictions on the test networks, in test order (for plots)
 */
public record DeviceRun(String device, String method, int shots, long seed, Metrics test, int selectedEpoch,
                        double seconds, String sourceDevice, double[] predicted) {
}
