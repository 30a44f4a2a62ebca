package org.narformer.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The training part of a checkpoint manifest, the same for every model family: what the trainer records and
 * what a resumed run reads back.
 *
 * @param seeds    every seed used, by purpose
 * @param training the training configuration and counts (as written by the trainer)
 * @param data     description of the data (files, hashes, split), as given by the caller
 * @param epoch    epochs completed
 * @param step     optimiser steps completed
 * @param metrics  evaluation numbers at this epoch and the selection state
 */
public record CheckpointRecord(Map<String, Long> seeds, Map<String, Object> training, Map<String, Object> data,
                               int epoch, long step, Map<String, Double> metrics) {
    public CheckpointRecord {
        seeds = new TreeMap<>(seeds == null ? Map.of() : seeds);
        training = new TreeMap<>(training == null ? Map.of() : training);
        data = new TreeMap<>(data == null ? Map.of() : data);
        metrics = new TreeMap<>(metrics == null ? Map.of() : metrics);
    }

    /** The record of a V2 / NNLP checkpoint manifest. */
    public static CheckpointRecord of(CheckpointManifest manifest) {
        return new CheckpointRecord(manifest.seeds(), manifest.training(), manifest.data(), manifest.epoch(),
                manifest.step(), manifest.metrics());
    }
}
