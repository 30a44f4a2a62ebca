package org.narformer.experiment;

import java.util.Locale;

import org.narformer.BadInputException;

/** The latency predictors compared on the NNLQP protocols (REFERENCE.md §4, §5). */
public enum LatencyMethod {
    /** NAR-Former V2 (graph-aided attention), trained. */
    V2,
    /** NNLQP's NNLP (GraphSAGE mean), trained. */
    NNLP,
    /** NAR-Former (V1), the whole-network variant (960-d tokens, static-feature head), trained. */
    V1,
    /** Least-squares line through FLOPs. */
    FLOPS,
    /** Least-squares plane through FLOPs and memory access. */
    FLOPS_MAC;

    /**
     * The name used on the command line and in reports: {@code v2}, {@code nnlp}, {@code v1}, {@code flops},
     * {@code flops-mac}.
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the method is a trained neural network (has epochs, seeds, checkpoints). */
    public boolean trained() {
        return this == V2 || this == NNLP || this == V1;
    }

    public static LatencyMethod parse(String label) {
        for (LatencyMethod m : values()) {
            if (m.label().equals(label.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new BadInputException("--methods", null, "unknown method '" + label
                + "': use v2, nnlp, v1, flops, flops-mac");
    }
}
