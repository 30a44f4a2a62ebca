package org.narformer.experiment;

import java.util.HashSet;
import java.util.List;

/**
 * The multi-device and few-shot latency protocol. The networks are shuffled once ({@code seed}): the first
 * {@code trainNetworks} are the pre-training set (HELP uses 900 NAS-Bench-201 networks), the next
 * {@code validationNetworks} select the epoch (lowest MAPE, mean over devices), the rest are the test set of every
 * device. Source devices get one model each and one multi-head model over all of them; each target device (never
 * seen in pre-training) gets, for each {@code k} in {@code shots} and each seed, {@code k} labelled networks drawn
 * from the pre-training set, fitted from scratch and by fine-tuning the multi-head model, for
 * {@code fewShotSteps} optimiser steps.
 *
 * @param epochs             pre-training epochs (per-device and multi-head models)
 * @param hiddenDim          width d
 * @param layers             graph layers
 * @param trainNetworks      pre-training networks
 * @param validationNetworks networks that select the pre-training epoch
 * @param sources            pre-training devices (HELP's meta-training devices by default)
 * @param targets            few-shot devices, disjoint from {@code sources}
 * @param shots              the few-shot sample sizes k
 * @param seeds              few-shot draws per (target, k), seeds {@code seed, seed+1, …} (sample draw, head
 *                           initialisation and training order)
 * @param seed               split seed and first seed
 * @param fewShotSteps       optimiser steps of every few-shot fit (epochs = steps / ⌈k / batch⌉)
 * @param fineTuneRate       peak learning rate of the fine-tuning fits (scratch fits use the pre-training rate)
 */
public record MultiDeviceConfig(int epochs, int hiddenDim, int layers, int trainNetworks, int validationNetworks,
                                List<String> sources, List<String> targets, List<Integer> shots, int seeds, long seed,
                                int fewShotSteps, float fineTuneRate) {
    /** HELP's NAS-Bench-201 meta-training devices ({@code run_meta_training_nasbench201.sh}). */
    public static final List<String> HELP_NB201_SOURCES = List.of("1080ti_1", "1080ti_32", "1080ti_256",
            "silver_4114", "silver_4210r", "samsung_a50", "pixel3", "essential_ph_1", "samsung_s7");
    /** HELP's NAS-Bench-201 meta-test devices. */
    public static final List<String> HELP_NB201_TARGETS = List.of("titan_rtx_256", "gold_6226", "fpga", "pixel2",
            "raspi4", "eyeriss");
    /** HELP's FBNet meta-training devices ({@code run_meta_training_fbnet.sh}). */
    public static final List<String> HELP_FBNET_SOURCES = List.of("1080ti_1", "1080ti_32", "1080ti_64",
            "silver_4114", "silver_4210r", "samsung_a50", "pixel3", "essential_ph_1", "samsung_s7");
    /** HELP's FBNet meta-test devices. */
    public static final List<String> HELP_FBNET_TARGETS = List.of("fpga", "raspi4", "eyeriss");

    public MultiDeviceConfig {
        sources = List.copyOf(sources);
        targets = List.copyOf(targets);
        shots = List.copyOf(shots);
        if (epochs < 1 || layers < 1 || hiddenDim < 8 || hiddenDim % 8 != 0 || seeds < 1 || fewShotSteps < 1) {
            throw new IllegalArgumentException("epochs, layers, seeds and steps must be positive and the width a "
                    + "multiple of 8");
        }
        if (trainNetworks < 1 || validationNetworks < 1) {
            throw new IllegalArgumentException("the pre-training and validation sets must not be empty");
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one source device is required");
        }
        if (new HashSet<>(sources).size() != sources.size() || new HashSet<>(targets).size() != targets.size()) {
            throw new IllegalArgumentException("a device is named twice");
        }
        for (String t : targets) {
            if (sources.contains(t)) {
                throw new IllegalArgumentException("target device " + t + " is also a source device: few-shot "
                        + "targets must be unseen in pre-training");
            }
        }
        for (int k : shots) {
            if (k < 2 || k > trainNetworks) {
                throw new IllegalArgumentException("few-shot sizes must lie in [2, trainNetworks]: " + k);
            }
        }
        if (!(fineTuneRate > 0)) {
            throw new IllegalArgumentException("fineTuneRate must be positive: " + fineTuneRate);
        }
    }
}
