package org.narformer.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.narformer.BadInputException;
import org.narformer.cells.FbnetCode;

/**
 * Reads the HELP latency tables {@code latency/help_nb201_latency.csv} ({@code index,arch_str,<devices>}) and
 * {@code latency/help_fbnet_latency.csv} ({@code index,arch_ops_22,<devices>}); the second header column decides
 * the search space. Row i = index i; sample id = the index; one target per device column, named as the column,
 * latency in ms (positive); group {@code nasbench201} or {@code fbnet}.
 */
public final class HelpLatencyReader extends DelimitedReader {
    /** Group of the FBNet samples. */
    public static final String FBNET_GROUP = "fbnet";

    @Override
    char delimiter() {
        return ',';
    }

    @Override
    RowParser open(String file, String[] header) {
        boolean fbnet = header.length > 1 && header[1].equals("arch_ops_22");
        if (header.length < 3 || !header[0].equals("index") || !(fbnet || header[1].equals("arch_str"))) {
            throw new BadInputException(file, "line 1", "expected the header 'index,arch_str,<devices...>' or "
                    + "'index,arch_ops_22,<devices...>', found '" + String.join(",", header) + "'");
        }
        List<String> devices = List.of(Arrays.copyOfRange(header, 2, header.length));
        Set<String> seen = new HashSet<>();
        for (String d : devices) {
            if (d.isEmpty() || !seen.add(d)) {
                throw new BadInputException(file, "line 1", "device column names must be distinct and non-empty, "
                        + "found '" + d + "'");
            }
        }
        return row -> {
            int index = row.sequentialIndex(0);
            GraphSource source = fbnet ? new GraphSource.Fbnet(fbnetCode(row, 1))
                    : new GraphSource.Nb201(Nb201Reader.cell(row, 1));
            double[] latency = new double[devices.size()];
            for (int d = 0; d < latency.length; d++) {
                latency[d] = row.positive(d + 2);
            }
            return new Sample(Integer.toString(index), source, Targets.of(devices, latency),
                    fbnet ? FBNET_GROUP : Nb201Reader.GROUP, Stage.NONE, index, row.line());
        };
    }

    private static FbnetCode fbnetCode(Row row, int column) {
        try {
            return FbnetCode.parse(row.text(column), row.at(column));
        } catch (BadInputException e) {
            throw row.error(column, e);
        }
    }
}
