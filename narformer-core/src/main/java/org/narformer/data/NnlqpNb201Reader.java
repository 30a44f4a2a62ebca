package org.narformer.data;

import java.util.List;

/**
 * Reads {@code nnlqp/nnlqp_nb201_subset.csv}: the {@code nasbench201} family of the NNLQP list joined to its
 * NAS-Bench-201 cells, columns
 * {@code graph_id,nb201_index,arch_str,batch_size,latency_ms,platform_id,stage,cifar10_test_acc}. Sample id =
 * graph_id, index = the official NB201 index, group {@code nasbench201}, stage from the file, targets
 * {@code latency_ms} and {@code test} (cifar10 test accuracy as a fraction).
 */
public final class NnlqpNb201Reader extends DelimitedReader {
    static final String[] HEADER = {"graph_id", "nb201_index", "arch_str", "batch_size", "latency_ms",
        "platform_id", "stage", "cifar10_test_acc"};
    private static final List<String> TARGETS = List.of(NnlqpReader.LATENCY, "test");

    @Override
    char delimiter() {
        return ',';
    }

    @Override
    RowParser open(String file, String[] header) {
        expectHeader(file, header, HEADER);
        return row -> {
            String id = row.text(0);
            row.count(0);
            int index = row.count(1);
            GraphSource source = new GraphSource.Nb201(Nb201Reader.cell(row, 2));
            if (row.count(3) < 1) {
                throw row.error(3, "batch size must be at least 1");
            }
            Targets targets = Targets.of(TARGETS, row.positive(4), row.percentAsFraction(7));
            row.count(5);
            return new Sample(id, source, targets, Nb201Reader.GROUP, NnlqpReader.stage(row, 6), index,
                    row.line());
        };
    }
}
