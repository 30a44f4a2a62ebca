package org.narformer.zoo;

import java.util.ArrayList;
import java.util.List;

import org.narformer.cells.FbnetCode;
import org.narformer.cells.Nb201Cell;
import org.narformer.onnx.OnnxModel;

/**
 * The example networks the project ships in {@code examples/} (the default input of {@code narformer inspect}):
 * whole networks built by the project itself, weight-stripped (initializer dims, no data — the NNLQP
 * "no-weight" convention), deterministic to the byte. The cells are hard-coded, so no data file is needed:
 *
 * <ul>
 *   <li>{@code nb201-<index>.onnx} — {@link Nb201Network} ({@code [1,3,32,32] → [1,10]}) of NAS-Bench-201 cell
 *       {@code index} (the official index, as in {@code nb201_merged.csv} and HELP's NB201 table)</li>
 *   <li>{@code fbnet-<row>.onnx} — {@link FbnetNetwork} ({@code [1,3,32,32] → [1,100]}) of row {@code row} of
 *       HELP's {@code help_fbnet_latency.csv}</li>
 *   <li>{@code <family>-base.onnx} / {@code <family>-<seed>.onnx} — {@link ModelFamily} base architectures and
 *       variants ({@code [1,3,224,224] → [1,1000]})</li>
 * </ul>
 */
public final class ExampleNetworks {

    /**
     * One shipped example.
     *
     * @param fileName the file name, e.g. {@code nb201-0.onnx}
     * @param origin   what it was built from: an architecture string, an FBNet code, or a family and seed
     * @param model    the network, weights stripped
     */
    public record Example(String fileName, String origin, OnnxModel model) { }

    /** NAS-Bench-201 (index, architecture string): the first cell, one with a {@code none} edge, the best cell. */
    private static final List<Indexed> NB201 = List.of(
            new Indexed(0, "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|"
                    + "skip_connect~2|"),
            new Indexed(5, "|nor_conv_1x1~0|+|skip_connect~0|nor_conv_1x1~1|+|nor_conv_3x3~0|none~1|"
                    + "avg_pool_3x3~2|"),
            new Indexed(9930, "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|"
                    + "nor_conv_3x3~2|"));

    /** HELP FBNet (row, 22-layer code): the first row. */
    private static final List<Indexed> FBNET = List.of(
            new Indexed(0, "7 8 1 8 4 8 8 8 7 4 1 4 7 3 2 7 3 2 4 2 4 5"));

    /** Family variants shipped as examples (seed 1 of the default channel-scale range). */
    private static final List<ModelFamily> FAMILY_VARIANTS = List.of(ModelFamily.byName("mobilenetv2"));
    private static final long VARIANT_SEED = 1;

    private record Indexed(int index, String cell) { }

    private ExampleNetworks() {
    }

    /** The examples: NB201, FBNet, then the ResNet-18 base and the family variants. */
    public static List<Example> all() {
        List<Example> out = new ArrayList<>();
        for (Indexed e : NB201) {
            Nb201Cell cell = Nb201Cell.parse(e.cell());
            out.add(new Example("nb201-" + e.index() + ".onnx", cell.format(), Nb201Network.build(cell)));
        }
        for (Indexed e : FBNET) {
            FbnetCode code = FbnetCode.parse(e.cell());
            out.add(new Example("fbnet-" + e.index() + ".onnx", code.format(), FbnetNetwork.build(code).model()));
        }
        ModelFamily resnet = ModelFamily.byName("resnet18");
        out.add(new Example("resnet18-base.onnx", "resnet18 base", resnet.base()));
        for (ModelFamily f : FAMILY_VARIANTS) {
            out.add(new Example(f.familyName() + "-" + VARIANT_SEED + ".onnx", f.familyName() + " seed " + VARIANT_SEED,
                    f.variant(VARIANT_SEED, ModelFamily.DEFAULT_MIN_SCALE, ModelFamily.DEFAULT_MAX_SCALE)));
        }
        return List.copyOf(out);
    }
}
