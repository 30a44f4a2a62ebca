package org.narformer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.narformer.data.DataDirectory;
import org.narformer.metrics.Metrics;
import org.narformer.report.ScatterPlot;
import org.narformer.train.NasBenchEvaluation;
import org.narformer.train.NasBenchModel;
import org.narformer.train.NasBenchProtocol;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code narformer evaluate --checkpoint DIR}: Kendall τ and errors over every cell of the checkpoint's space. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a NAS-Bench checkpoint on the protocol's test set: ALL cells of its space "
                + "(training and validation cells included, as the reference), against the test label (NB201 "
                + "cifar10_test_acc; NB101 val_acc_108, since test labels are not available).",
                "Prints a table (all cells, then train / unseen / validation groups) and writes OUT/report.json, "
                + "OUT/scatter.png (predicted vs measured) and OUT/manifest.json."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR",
            description = "A checkpoint directory, or a run directory of 'narformer train' (its best/ is used).")
    Path checkpoint;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: CHECKPOINT/evaluation).")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: NARFORMER_DATA or ../shared/data).")
    Path data;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        Path checkpointDir = NasBenchModel.resolve(checkpoint);
        NasBenchEvaluation evaluation = NasBenchProtocol.evaluate(checkpointDir, DataDirectory.resolve(data),
                !noProgress);
        Path dir = out != null ? out : checkpointDir.resolve("evaluation");
        NasBenchProtocol.write(evaluation, dir, CommandLines.of(spec));
        Metrics all = evaluation.report().overall();
        ScatterPlot.write(dir.resolve("scatter.png"), String.format(Locale.ROOT, "%s, N=%d: Kendall tau %.4f over %d cells",
                        evaluation.config().space().name(), evaluation.config().trainCount(), all.kendallTau(),
                        all.count()), evaluation.report().target(), evaluation.measured(), evaluation.predicted(),
                evaluation.groups());
        System.out.print(evaluation.report().toTable());
        System.out.println("test label: " + evaluation.config().space().testLabelNote());
        System.out.println("wrote " + dir.resolve("report.json") + ", " + dir.resolve("scatter.png") + ", "
                + dir.resolve("manifest.json"));
        return ExitCode.OK.code();
    }
}
