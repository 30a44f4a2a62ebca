package org.narformer.cells;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.narformer.BadInputException;

/**
 * An FBNet-space network as HELP encodes it: one operation code 0..8 for each of the 22 searchable layers
 * (the {@code arch_ops_22} column of {@code help_fbnet_latency.csv}, e.g. {@code "7 8 1 8 4 …"}).
 *
 * @param ops the 22 layer operations in network order
 */
public record FbnetCode(List<FbnetOp> ops) {
    /** Number of searchable layers. */
    public static final int LAYER_COUNT = 22;
    private static final String DEFAULT_SOURCE = "FBNet code";

    public FbnetCode {
        if (ops.size() != LAYER_COUNT) {
            throw new IllegalArgumentException("an FBNet code has " + LAYER_COUNT + " layers, got " + ops.size());
        }
        ops = List.copyOf(ops);
    }

    public static FbnetCode of(int... codes) {
        return parse(joined(codes), DEFAULT_SOURCE);
    }

    public static FbnetCode parse(String text) {
        return parse(text, DEFAULT_SOURCE);
    }

    /**
     * Parses 22 whitespace-separated codes 0..8.
     *
     * @param source where the text comes from (file and line), for the message
     * @throws BadInputException naming the source, the text and the position (1-based layer number) of a bad code,
     *                           or the count when there are not 22
     */
    public static FbnetCode parse(String text, String source) {
        if (text == null || text.isBlank()) {
            throw new BadInputException(source, null, "missing FBNet code");
        }
        String[] parts = text.trim().split("\\s+");
        if (parts.length != LAYER_COUNT) {
            throw new BadInputException(source, "code '" + text + "'", "expected " + LAYER_COUNT
                    + " layer codes, found " + parts.length);
        }
        List<FbnetOp> ops = new ArrayList<>(LAYER_COUNT);
        for (int i = 0; i < parts.length; i++) {
            FbnetOp op = null;
            if (parts[i].length() == 1 && Character.isDigit(parts[i].charAt(0))) {
                op = FbnetOp.byCode(parts[i].charAt(0) - '0');
            }
            if (op == null) {
                throw new BadInputException(source, "layer " + (i + 1) + " of '" + text + "'", "code '" + parts[i]
                        + "' is not one of 0..8 (k3_e1, k3_e1_g2, k3_e3, k3_e6, k5_e1, k5_e1_g2, k5_e3, k5_e6, skip)");
            }
            ops.add(op);
        }
        return new FbnetCode(ops);
    }

    /** The data-file form: codes separated by single spaces. */
    public String format() {
        StringBuilder sb = new StringBuilder(2 * LAYER_COUNT);
        for (FbnetOp op : ops) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(op.code());
        }
        return sb.toString();
    }

    /** The codes 0..8 in layer order. */
    public int[] codes() {
        return ops.stream().mapToInt(FbnetOp::code).toArray();
    }

    /** The 22 layers with stage, channels and stride from {@link FbnetStage#STAGES}. */
    public List<FbnetLayer> layers() {
        List<FbnetLayer> layers = new ArrayList<>(LAYER_COUNT);
        int in = FbnetStage.STEM_CHANNELS;
        int index = 0;
        for (int s = 0; s < FbnetStage.STAGES.size(); s++) {
            FbnetStage stage = FbnetStage.STAGES.get(s);
            for (int k = 0; k < stage.layers(); k++, index++) {
                int stride = k == 0 ? stage.firstStride() : 1;
                layers.add(new FbnetLayer(index, s, k, ops.get(index), in, stage.outChannels(), stride));
                in = stage.outChannels();
            }
        }
        return layers;
    }

    @Override
    public String toString() {
        return format();
    }

    private static String joined(int[] codes) {
        StringBuilder sb = new StringBuilder();
        Arrays.stream(codes).forEach(c -> sb.append(sb.isEmpty() ? "" : " ").append(c));
        return sb.toString();
    }
}
