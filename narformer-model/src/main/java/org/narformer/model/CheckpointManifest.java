package org.narformer.model;

import java.util.Map;

/**
 * {@code manifest.json} of a checkpoint directory: what was trained, how, on what, and where.
 *
 * @param formatVersion checkpoint format; loaders reject versions they do not know
 * @param tool          "narformer"
 * @param toolVersion   build version ("dev" when run from classes)
 * @param createdAt     ISO-8601 UTC time of writing
 * @param environment   Java, OS, CPU, DJL and PyTorch versions
 * @param seeds         every seed used, by purpose
 * @param model         the network configuration (enough to rebuild it)
 * @param training      the training configuration (as written by the trainer; empty for an untrained model)
 * @param data          description of the data (files, hashes, split, counts), as given by the caller
 * @param epoch         epochs completed
 * @param step          optimiser steps completed
 * @param metrics       evaluation numbers at this epoch, and the selection state
 * @param files         SHA-256 of every other file in the directory, by file name
 */
public record CheckpointManifest(int formatVersion, String tool, String toolVersion, String createdAt,
                                 Map<String, String> environment, Map<String, Long> seeds, V2Config model,
                                 Map<String, Object> training, Map<String, Object> data, int epoch, long step,
                                 Map<String, Double> metrics, Map<String, String> files) {
}
