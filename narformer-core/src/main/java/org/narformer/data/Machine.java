package org.narformer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The machine a figure was measured on, for manifests and benchmark output: CPU model (from
 * {@code /proc/cpuinfo} where available), logical cores, OS, Java runtime, maximum heap, and whether the launcher's
 * MKL shim is loaded (on AMD processors it lets PyTorch's MKL choose its kernels by the CPU's features; see the
 * {@code narformer} launcher).
 */
public record Machine(String cpuModel, int cores, String os, String java, long maxHeapMiB, boolean mklShim) {
    /** The file name of the launcher's MKL shim, as it appears in the process's memory map. */
    static final String MKL_SHIM = "libnarformer-mkl-intel-cpu.so";

    public static Machine current() {
        return new Machine(readCpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), mklShimLoaded());
    }

    /** Whether the launcher's MKL shim is mapped into this process ({@code /proc/self/maps}; false elsewhere). */
    private static boolean mklShimLoaded() {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.anyMatch(line -> line.endsWith("/" + MKL_SHIM));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String readCpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through
        }
        return System.getProperty("os.arch");
    }

    @Override
    public String toString() {
        return "machine: " + cpuModel + ", " + cores + " cores, " + os + ", " + java + ", heap " + maxHeapMiB + " MiB"
                + (mklShim ? ", MKL shim loaded" : "");
    }
}
