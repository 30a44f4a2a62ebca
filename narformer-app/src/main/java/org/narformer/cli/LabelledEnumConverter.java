package org.narformer.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.narformer.experiment.LatencyExperimentConfig;
import picocli.CommandLine;

/**
 * Reads an enum option by its lower-case, dash-separated label ({@code TRAIN_MEAN} ↔ {@code train-mean}); anything
 * else is a usage error that lists the labels.
 *
 * @param <E> the enum
 */
abstract class LabelledEnumConverter<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
    private final Class<E> type;

    LabelledEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        for (E e : type.getEnumConstants()) {
            if (label(e).equals(value)) {
                return e;
            }
        }
        throw new CommandLine.TypeConversionException("must be " + Arrays.stream(type.getEnumConstants())
                .map(LabelledEnumConverter::label).collect(Collectors.joining(" or ")) + ", not '" + value + "'");
    }

    private static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code --output-scale reference|train-mean}. */
    static final class OutputScale extends LabelledEnumConverter<LatencyExperimentConfig.OutputScale> {
        OutputScale() {
            super(LatencyExperimentConfig.OutputScale.class);
        }
    }

    /** {@code --v2-static} and {@code --v1-static reference|with-raw}. */
    static final class StaticFeatures extends LabelledEnumConverter<LatencyExperimentConfig.StaticFeatures> {
        StaticFeatures() {
            super(LatencyExperimentConfig.StaticFeatures.class);
        }
    }
}
