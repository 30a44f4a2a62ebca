package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.narformer.model.FreedMemoryChurn;

class TrainingLossIT {
    private static final int[] PERM = {1, 0, 3, 2};

    @Test
    void termsMatchHandComputedValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.create(new float[] {1f, 2f, 3f, 5f}, new Shape(4, 1));
            NDArray y = m.create(new float[] {2f, 2f, 2f, 4f}, new Shape(4, 1));
            // (0.5-1)² + 0 + (1.5-1)² + (1.25-1)² = 0.5625, mean 0.140625
            assertEquals(0.140625f, TrainingLoss.relativeMse(pred, y).getFloat(), 1e-7f);
            double log = (Math.pow(Math.log(0.5), 2) + 0 + Math.pow(Math.log(1.5), 2) + Math.pow(Math.log(1.25), 2)) / 4;
            assertEquals((float) log, TrainingLoss.logMse(pred, y).getFloat(), 1e-6f);
            assertEquals((float) log, TrainingLoss.total(pred, y, PERM,
                    TrainConfig.nnlp().withObjective(TrainConfig.Objective.LOG_MSE)).getFloat(), 1e-6f);
            // 1 + 0 + 1 + 1 = 3, mean 0.75
            assertEquals(0.75f, TrainingLoss.mse(pred, y).getFloat(), 1e-7f);
            // perm (1,0,3,2): dp = (-1, 1, -2, 2), dy = (0, 0, -2, 2) -> |.| mean = 0.5
            assertEquals(0.5f, TrainingLoss.pairwise(pred, y, PERM).getFloat(), 1e-7f);
            // originals (1, 2), augmented (3, 5): mean(|3-1|, |5-2|) = 2.5
            assertEquals(2.5f, TrainingLoss.consistency(pred).getFloat(), 1e-7f);
        }
    }

    @Test
    void totalWeighsTheTermsOfEachFamily() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.create(new float[] {1f, 2f, 3f, 5f}, new Shape(4, 1));
            NDArray y = m.create(new float[] {2f, 2f, 2f, 4f}, new Shape(4, 1));
            // V2 NAS-Bench: 0.140625 + 0.1·0.5 + 0.5·2.5
            assertEquals(0.140625f + 0.05f + 1.25f,
                    TrainingLoss.total(pred, y, PERM, TrainConfig.nasBench201()).getFloat(), 1e-6f);
            // V1: 0.75 + 0.1·0.5 + 0.5·2.5
            assertEquals(0.75f + 0.05f + 1.25f,
                    TrainingLoss.total(pred, y, PERM, TrainConfig.v1NasBench()).getFloat(), 1e-6f);
            // NNLP: relative MSE alone
            assertEquals(0.140625f, TrainingLoss.total(pred, y, PERM, TrainConfig.nnlp()).getFloat(), 1e-7f);
        }
    }

    @Test
    void weightedTermsGiveTheSameGradientWhateverTheJvmDoesBeforeBackward() {
        float[] quiet = totalGradient(false);
        assertArrayEquals(quiet, totalGradient(true), 0f, "the loss weights' gradients must not read freed memory");
    }

    private static float[] totalGradient(boolean churn) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.create(new float[] {1f, 2f, 3f, 5f}, new Shape(4, 1));
            NDArray y = m.create(new float[] {2f, 2f, 2f, 4f}, new Shape(4, 1));
            pred.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = TrainingLoss.total(pred, y, PERM, TrainConfig.nasBench201());
                List<ByteBuffer> garbage = churn ? FreedMemoryChurn.reuseFreedMemory() : new ArrayList<>();
                collector.backward(loss);
                garbage.clear();
            }
            return pred.getGradient().toFloatArray();
        }
    }
}
