package org.narformer.data;

import java.util.List;

/**
 * The result of applying a {@link SplitDefinition}: train, validation (possibly empty) and test samples.
 */
public record Split(SplitDefinition definition, List<Sample> train, List<Sample> validation, List<Sample> test) {
    public Split {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /** The manifest entry of this split: its definition and the three counts. */
    public Summary summary() {
        return new Summary(definition, train.size(), validation.size(), test.size());
    }

    /**
     * What a manifest records about a split (JSON: {@code {"definition":{"kind":"first-n",…},"train":781,…}}).
     *
     * @param definition the protocol, its parameters and seed
     * @param train      training samples
     * @param validation validation samples
     * @param test       test samples
     */
    public record Summary(SplitDefinition definition, int train, int validation, int test) {
    }
}
