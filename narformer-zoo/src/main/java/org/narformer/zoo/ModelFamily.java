package org.narformer.zoo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

import org.narformer.cells.Nb201Cell;
import org.narformer.cells.Nb201Op;
import org.narformer.onnx.OnnxModel;

/**
 * The ten NNLQP model families; {@link #familyName()} is NNLQP's {@code ModelType} label. A variant is
 * deterministic per (family, seed): {@link #variant(long, double, double)}. {@code nasbench201} draws a uniform
 * random cell and builds {@link Nb201Network} (input 32×32); the others have input 224×224.
 */
public enum ModelFamily {
    ALEXNET("alexnet", ClassicFamilies::alexnet),
    VGG16("vgg16", ClassicFamilies::vgg16),
    RESNET18("resnet18", ClassicFamilies::resnet18),
    SQUEEZENET("squeezenet", ClassicFamilies::squeezenet),
    GOOGLENET("googlenet", ClassicFamilies::googlenet),
    MOBILENETV2("mobilenetv2", MobileFamilies::mobilenetV2),
    MOBILENETV3("mobilenetv3", MobileFamilies::mobilenetV3),
    MNASNET("mnasnet", MobileFamilies::mnasnet),
    EFFICIENTB0("efficientb0", MobileFamilies::efficientnetB0),
    NASBENCH201("nasbench201", ModelFamily::nb201);

    /** nn-Meter's channel re-sampling range, as a fraction of the original width (default of the generator). */
    public static final double DEFAULT_MIN_SCALE = 0.2;
    public static final double DEFAULT_MAX_SCALE = 1.8;

    private final String familyName;
    private final BiFunction<String, VariantSampler, OnnxModel> builder;

    ModelFamily(String familyName, BiFunction<String, VariantSampler, OnnxModel> builder) {
        this.familyName = familyName;
        this.builder = builder;
    }

    /** NNLQP's {@code ModelType}, e.g. {@code resnet18}. */
    public String familyName() {
        return familyName;
    }

    /** The family named {@code name} (case-insensitive), or an {@link IllegalArgumentException} listing them. */
    public static ModelFamily byName(String name) {
        for (ModelFamily f : values()) {
            if (f.familyName.equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown family '" + name + "'; expected one of "
                + Arrays.stream(values()).map(ModelFamily::familyName).toList());
    }

    /** The base architecture: torchvision's widths and kernels (NB201: the cell of choice 0 on every edge). */
    public OnnxModel base() {
        return builder.apply(familyName + "_base", VariantSampler.original());
    }

    /** The variant of this family for {@code seed}, weights stripped. */
    public OnnxModel variant(long seed, double minScale, double maxScale) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + ordinal());
        return builder.apply(String.format(Locale.ROOT, "%s_%d", familyName, seed),
                VariantSampler.random(random, minScale, maxScale));
    }

    private static OnnxModel nb201(String name, VariantSampler s) {
        List<Nb201Op> edgeOps = Arrays.stream(Nb201Op.values()).filter(Nb201Op::isEdgeOp).toList();
        Nb201Op[] ops = new Nb201Op[Nb201Cell.EDGE_COUNT];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = edgeOps.get(s.choice(edgeOps.size()));
        }
        return Nb201Network.build(Nb201Cell.of(ops));
    }
}
