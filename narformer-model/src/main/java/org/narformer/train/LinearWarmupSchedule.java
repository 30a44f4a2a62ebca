package org.narformer.train;

/**
 * HF {@code get_linear_schedule_with_warmup} as the reference steps it (once per iteration, after the
 * optimiser): iteration {@code t} (0-based) uses {@code peak · t / W} while {@code t < W}, then
 * {@code peak · max(0, (T − t) / (T − W))}. {@code W = warmupRate · T} may be fractional, as in the
 * reference. The very first iteration therefore has learning rate 0.
 *
 * @param peak        peak learning rate
 * @param warmupSteps W (fractional allowed)
 * @param totalSteps  T, all iterations of the run
 */
public record LinearWarmupSchedule(float peak, double warmupSteps, long totalSteps) {
    public LinearWarmupSchedule {
        if (totalSteps < 1 || warmupSteps < 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("bad schedule: warm-up " + warmupSteps + " of " + totalSteps);
        }
    }

    public static LinearWarmupSchedule of(TrainConfig config, long stepsPerEpoch) {
        long total = config.epochs() * stepsPerEpoch;
        return new LinearWarmupSchedule(config.learningRate(), config.warmupRate() * total, total);
    }

    /** The rate of iteration {@code step} under {@code config}'s schedule. */
    public static float learningRate(TrainConfig config, LinearWarmupSchedule schedule, long step) {
        return config.schedule() == TrainConfig.Schedule.CONSTANT ? config.learningRate()
                : schedule.learningRate(step);
    }

    /** Learning rate of iteration {@code step} (0-based). */
    public float learningRate(long step) {
        if (step < warmupSteps) {
            return (float) (peak * step / Math.max(1.0, warmupSteps));
        }
        return (float) (peak * Math.max(0.0, (totalSteps - step) / Math.max(1.0, totalSteps - warmupSteps)));
    }
}
