package org.narformer.cells;

/**
 * The nine candidate operations of one searchable FBNet layer in HELP's CIFAR-100 setting, in code order
 * 0..8: {@code k3_e1, k3_e1_g2, k3_e3, k3_e6, k5_e1, k5_e1_g2, k5_e3, k5_e6, skip}. A {@code kK_eE[_gG]}
 * operation is an inverted bottleneck with depthwise kernel K, expansion E and 1×1 convolution groups G;
 * {@code skip} is the identity (or a strided 1×1 convolution where the shape changes).
 */
public enum FbnetOp {
    K3_E1(3, 1, 1),
    K3_E1_G2(3, 1, 2),
    K3_E3(3, 3, 1),
    K3_E6(3, 6, 1),
    K5_E1(5, 1, 1),
    K5_E1_G2(5, 1, 2),
    K5_E3(5, 3, 1),
    K5_E6(5, 6, 1),
    SKIP(0, 0, 0);

    private final int kernel;
    private final int expansion;
    private final int groups;

    FbnetOp(int kernel, int expansion, int groups) {
        this.kernel = kernel;
        this.expansion = expansion;
        this.groups = groups;
    }

    /** The HELP code 0..8. */
    public int code() {
        return ordinal();
    }

    /** The HELP name, e.g. {@code k3_e1_g2} or {@code skip}. */
    public String opName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True for {@link #SKIP}. */
    public boolean isSkip() {
        return this == SKIP;
    }

    /** Depthwise kernel size K (0 for skip). */
    public int kernel() {
        return kernel;
    }

    /** Expansion ratio E of the inverted bottleneck (0 for skip). */
    public int expansion() {
        return expansion;
    }

    /** Groups G of both 1×1 convolutions (0 for skip). */
    public int groups() {
        return groups;
    }

    /** The operation with HELP code {@code code}, or null when outside 0..8. */
    public static FbnetOp byCode(int code) {
        FbnetOp[] all = values();
        return code >= 0 && code < all.length ? all[code] : null;
    }
}
