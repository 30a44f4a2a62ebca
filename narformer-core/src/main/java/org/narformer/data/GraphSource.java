package org.narformer.data;

import java.nio.file.Path;

import org.narformer.cells.FbnetCode;
import org.narformer.cells.Nb101Cell;
import org.narformer.cells.Nb201Cell;

/**
 * Where a sample's network comes from: a NAS-Bench-201 cell, a NAS-Bench-101 cell, an FBNet code (the three are
 * rebuilt as graphs by {@code org.narformer.cells}) or an ONNX file.
 */
public sealed interface GraphSource permits GraphSource.Nb201, GraphSource.Nb101, GraphSource.Fbnet,
        GraphSource.Onnx {

    /** A short name of the source type: {@code nb201}, {@code nb101}, {@code fbnet} or {@code onnx}. */
    String kind();

    /** The source in its data-file form (arch string, cell bits and labels, 22 codes, path). */
    String describe();

    /** A NAS-Bench-201 cell. */
    record Nb201(Nb201Cell cell) implements GraphSource {
        public Nb201 {
            if (cell == null) {
                throw new IllegalArgumentException("cell is required");
            }
        }

        @Override
        public String kind() {
            return "nb201";
        }

        @Override
        public String describe() {
            return cell.format();
        }
    }

    /** A NAS-Bench-101 cell (as stored; hash and graph use the pruned cell). */
    record Nb101(Nb101Cell cell) implements GraphSource {
        public Nb101 {
            if (cell == null) {
                throw new IllegalArgumentException("cell is required");
            }
        }

        @Override
        public String kind() {
            return "nb101";
        }

        @Override
        public String describe() {
            return cell.toString();
        }
    }

    /** An FBNet-space network given by its 22 layer codes. */
    record Fbnet(FbnetCode code) implements GraphSource {
        public Fbnet {
            if (code == null) {
                throw new IllegalArgumentException("code is required");
            }
        }

        @Override
        public String kind() {
            return "fbnet";
        }

        @Override
        public String describe() {
            return code.format();
        }
    }

    /**
     * An ONNX file, as named by the dataset (NNLQP paths are relative to the NNLQP dataset root and may not exist
     * on this machine).
     *
     * @param path      the file
     * @param batchSize the batch size the network was measured at
     */
    record Onnx(Path path, int batchSize) implements GraphSource {
        public Onnx {
            if (path == null || batchSize < 1) {
                throw new IllegalArgumentException("an ONNX source needs a path and a batch size >= 1");
            }
        }

        @Override
        public String kind() {
            return "onnx";
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }
}
