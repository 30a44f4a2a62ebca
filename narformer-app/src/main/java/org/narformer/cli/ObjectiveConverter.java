package org.narformer.cli;

import org.narformer.train.TrainConfig;

import picocli.CommandLine;

/** {@code --objective relative-mse|log-mse} of the latency experiments. */
final class ObjectiveConverter implements CommandLine.ITypeConverter<TrainConfig.Objective> {
    /** The option's description, shared by the commands that take it. */
    static final String DESCRIPTION = "Main loss: 'relative-mse' (the references: mean (p/y - 1)^2) or 'log-mse' "
            + "(mean (ln p - ln y)^2, symmetric in over- and under-prediction). Default ${DEFAULT-VALUE}.";

    @Override
    public TrainConfig.Objective convert(String value) {
        return switch (value) {
            case "relative-mse" -> TrainConfig.Objective.RELATIVE_MSE;
            case "log-mse" -> TrainConfig.Objective.LOG_MSE;
            default -> throw new CommandLine.TypeConversionException("must be relative-mse or log-mse, not '"
                    + value + "'");
        };
    }
}
