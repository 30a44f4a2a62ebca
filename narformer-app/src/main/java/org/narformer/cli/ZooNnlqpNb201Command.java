package org.narformer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ProgressBar;
import org.narformer.AtomicFiles;
import org.narformer.data.DataDirectory;
import org.narformer.data.DataFile;
import org.narformer.data.Dataset;
import org.narformer.data.GraphSource;
import org.narformer.data.NnlqpReader;
import org.narformer.data.ReadPolicy;
import org.narformer.data.Sample;
import org.narformer.zoo.Nb201Network;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code narformer zoo nnlqp-nb201}: the NNLQP NAS-Bench-201 family with its real labels, as ONNX files and an
 * NNLQP label file, ready for {@code narformer experiment}.
 */
@Command(name = "nnlqp-nb201", mixinStandardHelpOptions = true,
        description = {"Build the 2,000 NAS-Bench-201 networks of NNLQP's nasbench201 family (nnlqp/"
                + "nnlqp_nb201_subset.csv: real GTX1660 TensorRT latencies) as weight-stripped ONNX files "
                + "DIR/nasbench201/<graph_id>.onnx and write DIR/latency.txt in NNLQP's label format, in the file's "
                + "order (train rows, then the last 200 test rows).",
                "Then: narformer experiment in-domain --labels DIR/latency.txt --test 0.1 (NNLQP's stage split "
                        + "1,800 / 200)."})
final class ZooNnlqpNb201Command implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: NARFORMER_DATA or ../shared/data).")
    Path data;

    @Override
    public Integer call() {
        Dataset rows = DataFile.NNLQP_NB201.read(DataDirectory.resolve(data), ReadPolicy.STRICT);
        List<String> labels = new ArrayList<>();
        try (ProgressBar bar = new ProgressBar("nnlqp-nb201", rows.size())) {
            for (Sample s : rows.samples()) {
                String file = "nasbench201/" + s.id() + ".onnx";
                Nb201Network.build(((GraphSource.Nb201) s.source()).cell()).write(out.resolve(file));
                labels.add(String.format(Locale.ROOT, "%s %s 1 %s nasbench201 1 %s", s.id(), file,
                        Double.toString(s.target(NnlqpReader.LATENCY)), s.stage().name().toLowerCase(Locale.ROOT)));
                bar.step();
            }
        }
        AtomicFiles.write(out.resolve("latency.txt"), String.join("\n", labels) + "\n");
        System.out.println("wrote " + labels.size() + " networks and " + out.resolve("latency.txt"));
        return ExitCode.OK.code();
    }
}
