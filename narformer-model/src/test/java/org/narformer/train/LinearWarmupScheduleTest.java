package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinearWarmupScheduleTest {
    @Test
    void followsHuggingFaceLinearWarmupWithFractionalWarmup() {
        // NB201: 781 samples / batch 8 = 98 iterations per epoch, 1000 epochs; W = 9800
        LinearWarmupSchedule s = LinearWarmupSchedule.of(TrainConfig.nasBench201(), 98);
        assertEquals(98_000, s.totalSteps());
        assertEquals(0f, s.learningRate(0));
        assertEquals(1e-4f * 4900 / 9800, s.learningRate(4900), 1e-12f);
        assertEquals(1e-4f, s.learningRate(9800), 1e-12f);
        assertEquals(1e-4f * 0.5f, s.learningRate(9800 + 44_100), 1e-10f);
        assertEquals(0f, s.learningRate(98_000));
        LinearWarmupSchedule fractional = new LinearWarmupSchedule(1f, 2.5, 25);
        assertEquals(0.8f, fractional.learningRate(2), 1e-7f);
        assertEquals(22.0 / 22.5, fractional.learningRate(3), 1e-6);
    }

    @Test
    void nnlqpBudgetMatchesTheReference() {
        // 18,000 / 16 = 1,125 iterations per epoch, 56,250 in total, 5,625 warm-up
        LinearWarmupSchedule s = LinearWarmupSchedule.of(TrainConfig.nnlqp(), 1125);
        assertEquals(56_250, s.totalSteps());
        assertEquals(5_625.0, s.warmupSteps(), 1e-9);
    }
}
