package org.narformer.data;

/** The fixed train/test assignment some datasets carry (the NNLQP {@code stage} column). */
public enum Stage {
    TRAIN,
    TEST,
    /** The dataset assigns no stage. */
    NONE;

    /** {@code train} or {@code test} as written in the data files; null for anything else. */
    static Stage parse(String text) {
        return switch (text) {
            case "train" -> TRAIN;
            case "test" -> TEST;
            default -> null;
        };
    }
}
