package org.narformer.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ProgressBar;
import org.narformer.zoo.ModelFamily;
import org.narformer.zoo.ZooConfig;
import org.narformer.zoo.ZooGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code narformer zoo generate}: write random variants of the NNLQP model families as ONNX files. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write random variants of the ten NNLQP model families (alexnet, vgg16, resnet18, squeezenet, "
                + "googlenet, mobilenetv2, mobilenetv3, mnasnet, efficientb0, nasbench201) as ONNX files: "
                + "DIR/<family>/<family>_<seed>.onnx, DIR/models.csv, DIR/manifest.json.")
final class ZooGenerateCommand implements Callable<Integer> {
    @Option(names = "--family", required = true, description = "A family name or 'all'.")
    String family;

    @Option(names = "--count", defaultValue = "200", description = "Variants per family (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the first variant; variant k uses seed+k.")
    long seed;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--weights", defaultValue = "stripped",
            description = "random (seeded random weights) or stripped (dims only; default).")
    String weights;

    @Option(names = "--min-scale", defaultValue = "0.2", description = "Smallest channel scale (default ${DEFAULT-VALUE}).")
    double minScale;

    @Option(names = "--max-scale", defaultValue = "1.8", description = "Largest channel scale (default ${DEFAULT-VALUE}).")
    double maxScale;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!weights.equals("random") && !weights.equals("stripped")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--weights must be random or stripped, got '" + weights + "'");
        }
        List<ModelFamily> families;
        try {
            families = family.equalsIgnoreCase("all") ? List.of(ModelFamily.values())
                    : List.of(ModelFamily.byName(family));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--family: " + e.getMessage());
        }
        ZooGenerator generator = new ZooGenerator(new ZooConfig(families, count, seed, weights.equals("random"),
                minScale, maxScale), String.join(" ", CommandLines.of(spec)));
        try (ProgressBar bar = new ProgressBar("zoo generate", generator.fileCount())) {
            generator.generate(out, f -> bar.step());
        }
        System.out.println("wrote " + generator.fileCount() + " models to " + out);
        return ExitCode.OK.code();
    }
}
