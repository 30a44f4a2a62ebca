package org.narformer.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ModelFamilyTest {
    /** torchvision 0.14's published parameter counts (BatchNormalization scale and bias included). */
    private static final Map<ModelFamily, Long> TORCHVISION_PARAMS = Map.of(
            ModelFamily.ALEXNET, 61_100_840L, ModelFamily.VGG16, 138_357_544L, ModelFamily.RESNET18, 11_689_512L,
            ModelFamily.SQUEEZENET, 1_248_424L, ModelFamily.GOOGLENET, 6_624_904L,
            ModelFamily.MOBILENETV2, 3_504_872L, ModelFamily.MOBILENETV3, 2_542_856L,
            ModelFamily.MNASNET, 4_383_312L, ModelFamily.EFFICIENTB0, 5_288_548L);

    @Test
    void baseArchitecturesHaveTorchvisionParameterCounts() {
        TORCHVISION_PARAMS.forEach((family, params) ->
                assertEquals(params, NetworkStats.of(family.base().toGraph()).paramCount(), family.familyName()));
    }

    @Test
    void variantsAreDeterministicPerFamilyAndSeed() {
        for (ModelFamily f : new ModelFamily[] {ModelFamily.RESNET18, ModelFamily.MOBILENETV3,
                ModelFamily.NASBENCH201}) {
            assertArrayEquals(f.variant(3, 0.2, 1.8).toBytes(), f.variant(3, 0.2, 1.8).toBytes(), f.familyName());
            assertFalse(Arrays.equals(f.variant(3, 0.2, 1.8).toBytes(), f.variant(4, 0.2, 1.8).toBytes()));
        }
    }

    @Test
    void familyNamesAreNnlqpModelTypes() {
        assertEquals(ModelFamily.EFFICIENTB0, ModelFamily.byName("efficientb0"));
        assertEquals(ModelFamily.NASBENCH201, ModelFamily.byName("NASBench201"));
        assertThrows(IllegalArgumentException.class, () -> ModelFamily.byName("resnet50"));
    }

    @Test
    void sharedScaleAndKernelChoicesStayInRange() {
        VariantSampler s = VariantSampler.random(new java.util.SplittableRandom(1), 0.5, 1.5);
        for (int i = 0; i < 1000; i++) {
            int c = s.channels(100);
            int k = s.kernel(3, 3, 5, 7);
            assertEquals(true, c >= 50 && c <= 150, "channels " + c);
            assertEquals(true, k == 3 || k == 5 || k == 7, "kernel " + k);
        }
        assertEquals(64, VariantSampler.original().channels(64));
        assertEquals(11, VariantSampler.original().kernel(11, 7, 9));
    }
}
