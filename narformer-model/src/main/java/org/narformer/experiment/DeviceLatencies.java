package org.narformer.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.narformer.BadInputException;
import org.narformer.data.Dataset;
import org.narformer.data.Sample;
import org.narformer.tokenizer.TokenizedGraph;

/**
 * The latencies of one set of networks on several devices (a HELP table), with each network tokenized once.
 *
 * @param source    where the table came from (for messages and manifests)
 * @param ids       network ids, in table order
 * @param graphs    the tokenized networks, aligned with {@code ids}
 * @param devices   device column names
 * @param latencyMs {@code [networks][devices]}, in ms, all positive
 */
public record DeviceLatencies(String source, List<String> ids, List<TokenizedGraph> graphs, List<String> devices,
                              double[][] latencyMs) {
    public DeviceLatencies {
        ids = List.copyOf(ids);
        graphs = List.copyOf(graphs);
        devices = List.copyOf(devices);
        if (ids.size() != graphs.size() || latencyMs.length != ids.size()) {
            throw new IllegalArgumentException("ids, graphs and latency rows differ in number");
        }
        for (double[] row : latencyMs) {
            if (row.length != devices.size()) {
                throw new IllegalArgumentException("a latency row does not have one value per device");
            }
        }
    }

    /**
     * Tokenizes every sample of a HELP table with {@code tokenizer}.
     *
     * @param progress called with the number of networks done so far
     */
    public static DeviceLatencies of(Dataset table, Function<Sample, TokenizedGraph> tokenizer, IntConsumer progress) {
        List<Sample> samples = table.samples();
        if (samples.isEmpty()) {
            throw new BadInputException(table.file().toString(), null, "no networks");
        }
        List<String> devices = samples.get(0).targets().names();
        List<String> ids = new ArrayList<>(samples.size());
        List<TokenizedGraph> graphs = new ArrayList<>(samples.size());
        double[][] latency = new double[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            ids.add(s.id());
            graphs.add(tokenizer.apply(s));
            latency[i] = devices.stream().mapToDouble(s::target).toArray();
            progress.accept(i + 1);
        }
        return new DeviceLatencies(table.file().toString(), ids, graphs, devices, latency);
    }

    /** The column of {@code device}. */
    public int device(String name) {
        int d = devices.indexOf(name);
        if (d < 0) {
            throw new BadInputException(source, "line 1", "no device column '" + name + "'; the table has "
                    + String.join(", ", devices));
        }
        return d;
    }

    /** The latencies of networks {@code rows} on device column {@code d}. */
    public double[] column(int d, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = latencyMs[rows[i]][d];
        }
        return out;
    }

    /** The graphs of networks {@code rows}. */
    public List<TokenizedGraph> graphs(int[] rows) {
        List<TokenizedGraph> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            out.add(graphs.get(r));
        }
        return out;
    }
}
