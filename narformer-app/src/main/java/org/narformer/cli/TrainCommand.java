package org.narformer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.narformer.BadInputException;
import org.narformer.TextTable;
import org.narformer.data.DataDirectory;
import org.narformer.report.TauCurvePlot;
import org.narformer.train.NasBenchConfig;
import org.narformer.train.NasBenchProtocol;
import org.narformer.train.NasBenchRun;
import org.narformer.train.NasBenchRunResult;
import org.narformer.train.TauPoint;
import org.narformer.train.Trainer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code narformer train}: the NAS-Bench accuracy protocol (first N train, next 200 select, τ on all). */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train NAR-Former V2 (or V1) to predict NAS-Bench accuracy by the reference protocol: train on the "
                + "first N cells by index, keep the epoch with the best Kendall tau on the next 200 (validation "
                + "label), and record tau over ALL cells (NB201: 15,625 vs cifar10_test_acc; NB101: our 30,001 vs "
                + "val_acc_108, since NB101 test labels are not available) every --all-every epochs.",
                "Defaults are the official NB201 script: N=781, 1000 epochs, batch 8 + 8 augmented twins, lr 1e-4, "
                + "10%% warm-up, SR loss 0.1, consistency loss 0.5, 6 layers, d 512. Options override the --config "
                + "file, which overrides the defaults.",
                "Writes OUT/best and OUT/last (checkpoints with manifest.json; V1 also OUT/best-ema and OUT/last-ema, "
                + "its weight average) and OUT/manifest.json (configuration, data hash, split, command, "
                + "tau-vs-epoch curve, timings), both after every epoch: --resume continues an interrupted run. "
                + "At the end, OUT/tau-curve.png draws the curve (narformer runs --plot draws several runs)."})
final class TrainCommand implements Callable<Integer> {
    /** NAR-Former V1's {@code --batch_size} in every official script. */
    private static final int V1_BATCH_SIZE = 128;
    /** NAR-Former V1's {@code --max_epoch} in the NB201 scripts. */
    private static final int V1_EPOCHS = 4000;
    /** The picture of the run's τ-vs-epoch curve, written beside its manifest when it finishes. */
    static final String CURVE_PLOT = "tau-curve.png";

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON configuration (fields as in OUT/manifest.json 'protocol': space, trainCount, "
                    + "validationCount, epochs, batchSize, learningRate, warmupRate, lambdaSr, lambdaCons, layers, "
                    + "hiddenDim, seed, allEvery, selectOn, evalBatchSize, showProgress, modelFamily, emaDecay).")
    Path config;

    @Option(names = "--model", paramLabel = "v2|v1",
            description = "Model family: v2 (default, NAR-Former V2) or v1 (NAR-Former, CVPR 2023: fixed d-192 "
                    + "multi-stage transformer, plain MSE, AdamW wd 0.01, weight EMA 0.99, its own tokens and "
                    + "augmentation; batch 128 and 4000 epochs unless given; --layers sets its encoder blocks "
                    + "(default 6); --hidden and --select-on test do not apply).")
    String model;

    @Option(names = "--lambda-cons", paramLabel = "W",
            description = "Weight of the consistency loss; 0 switches it and the augmented twins off (default 0.5).")
    Float lambdaCons;

    @Option(names = "--lambda-sr", paramLabel = "W",
            description = "Weight of the pairwise (SR / difference) loss; 0 switches it off (default 0.1).")
    Float lambdaSr;

    @Option(names = "--ema", paramLabel = "DECAY",
            description = "Weight EMA decay, evaluated and selected beside the raw network (OUT/best-ema); 0 = none "
                    + "(default: 0.99 for v1, none for v2).")
    Float ema;

    @Option(names = "--space", paramLabel = "nb201|nb101", description = "Search space (default nb201).")
    String space;

    @Option(names = "--train-size", paramLabel = "N", description = "Train on the first N cells (default 781).")
    Integer trainSize;

    @Option(names = "--validation-size", paramLabel = "N", description = "Select on the next N cells (default 200).")
    Integer validationSize;

    @Option(names = "--epochs", description = "Epochs (default 1000, the reference).")
    Integer epochs;

    @Option(names = "--seed", description = "Master seed (default 1234).")
    Long seed;

    @Option(names = "--lr", paramLabel = "RATE", description = "Peak learning rate (default 1e-4).")
    Float learningRate;

    @Option(names = "--layers", description = "Attention layers (default 6).")
    Integer layers;

    @Option(names = "--hidden", paramLabel = "D", description = "Hidden width d (default 512).")
    Integer hidden;

    @Option(names = "--all-every", paramLabel = "K",
            description = "Evaluate tau on all cells every K epochs, 0 = only at the end (default 10).")
    Integer allEvery;

    @Option(names = "--select-on", paramLabel = "validation|test",
            description = "Checkpoint selection: 'validation' (default; best tau on the validation cells, the "
                    + "reference rule) or 'test' (best tau on all cells against the test label: selection on the "
                    + "test set, optimistic, for comparison with best-on-test numbers only; scores every cell every epoch).")
    String selectOn;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (must not hold a run).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the interrupted run in DIR from DIR/last, with its own configuration, exactly "
                    + "as it would have gone on (no other training options allowed).")
    Path resume;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: NARFORMER_DATA or ../shared/data).")
    Path data;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("space", space);
        overrides.put("trainCount", trainSize);
        overrides.put("validationCount", validationSize);
        overrides.put("epochs", epochs);
        overrides.put("seed", seed);
        overrides.put("learningRate", learningRate);
        overrides.put("layers", layers);
        overrides.put("hiddenDim", hidden);
        overrides.put("allEvery", allEvery);
        overrides.put("selectOn", selectOn);
        overrides.put("showProgress", noProgress ? Boolean.FALSE : null);
        overrides.put("emaDecay", ema);
        overrides.put("lambdaCons", lambdaCons);
        overrides.put("lambdaSr", lambdaSr);
        DataDirectory dir = DataDirectory.resolve(data);
        NasBenchRun run;
        if (model != null && !model.equals("v1") && !model.equals("v2")) {
            throw new ParameterException(spec.commandLine(), "--model must be v1 or v2, not '" + model + "'");
        }
        if ("v1".equals(model)) {
            if (hidden != null) {
                throw new ParameterException(spec.commandLine(), "--model v1 takes no --hidden (its width is "
                        + "fixed at 192 by its tokens)");
            }
            overrides.put("modelFamily", "V1");
            if (config == null) {
                overrides.put("batchSize", V1_BATCH_SIZE);
                overrides.putIfAbsent("epochs", V1_EPOCHS); // null (not given) counts as absent
            }
        }
        if (resume != null) {
            if (out != null || config != null || model != null
                    || overrides.values().stream().anyMatch(v -> v != null)) {
                throw new ParameterException(spec.commandLine(),
                        "--resume takes the run's own configuration (progress bar included): give only --resume "
                                + "and --data");
            }
            run = NasBenchProtocol.resume(resume, dir, CommandLines.of(spec));
            out = resume;
        } else {
            if (out == null) {
                throw new ParameterException(spec.commandLine(), "give --out DIR (a new run) or --resume DIR");
            }
            NasBenchConfig cfg = NasBenchConfig.of(config, overrides);
            if (Files.exists(out.resolve(Trainer.LAST)) || Files.exists(out.resolve(Trainer.BEST))) {
                throw new BadInputException(out.toString(), null,
                        "already holds a training run; choose another --out, or --resume it");
            }
            run = NasBenchProtocol.train(cfg, dir, out, CommandLines.of(spec));
        }
        NasBenchConfig cfg = run.config();
        NasBenchRunResult result = run.result();
        boolean ema = result.hasEma();
        TextTable table = ema
                ? new TextTable("epoch", "steps", "loss", "select tau", "tau all", "EMA select tau", "EMA tau all",
                "elapsed s")
                : new TextTable("epoch", "steps", "loss", "select tau", "tau all", "elapsed s");
        for (TauPoint p : run.curve()) {
            if (!Double.isNaN(p.allTau())) {
                String elapsed = String.format(Locale.ROOT, "%.0f", p.elapsedSeconds());
                if (ema) {
                    table.row(p.epoch(), p.steps(), num(p.trainLoss()), num(p.selectionTau()), num(p.allTau()),
                            num(p.emaSelectionTau()), num(p.emaAllTau()), elapsed);
                } else {
                    table.row(p.epoch(), p.steps(), num(p.trainLoss()), num(p.selectionTau()), num(p.allTau()),
                            elapsed);
                }
            }
        }
        System.out.print(table.render());
        System.out.println("tau on all cells is against " + cfg.space().testLabelNote());
        System.out.printf(Locale.ROOT, "best epoch %d (selected on %s): selection tau %.4f, tau on all %d cells "
                        + "%.4f%n%.3f s/iteration, %.0f s wall%ncheckpoint %s%nmanifest %s%n", result.bestEpoch(),
                cfg.selectOn().name().toLowerCase(Locale.ROOT), result.bestSelectionTau(),
                cfg.space().file().publishedRows(), result.bestAllTau(), result.progress().secondsPerIteration(),
                result.progress().wallSeconds(), result.bestCheckpoint(), out.resolve("manifest.json"));
        Path plot = out.resolve(CURVE_PLOT);
        TauCurvePlot.write(plot, Map.of(out.toAbsolutePath().getFileName().toString(), run.curve()));
        System.out.println("tau against epochs " + plot);
        if (ema) {
            System.out.printf(Locale.ROOT, "weight EMA: best epoch %d, tau on all cells %.4f (%s)%n",
                    result.bestEmaEpoch(), result.bestEmaAllTau(), result.bestEmaCheckpoint());
        }
        return ExitCode.OK.code();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
