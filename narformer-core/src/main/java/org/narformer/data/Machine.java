package org.narformer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a figure was measured on, for manifests and benchmark output: CPU model (from
 * {@code /proc/cpuinfo} where available), logical cores, OS, Java runtime and maximum heap.
 */
public record Machine(String cpuModel, int cores, String os, String java, long maxHeapMiB) {

    public static Machine current() {
        return new Machine(readCpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
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
        return "machine: " + cpuModel + ", " + cores + " cores, " + os + ", " + java + ", heap " + maxHeapMiB + " MiB";
    }
}
