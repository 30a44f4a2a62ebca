package org.narformer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's MKL shim ({@code narformer-app/src/main/native/mkl-intel-cpu.c}) compiles with gcc, and a process
 * it is preloaded into reports it in {@link Machine}; a process without it does not.
 */
class MachineIT {
    @TempDir
    Path tmp;

    /** Prints {@link Machine#current()} (run in a child JVM). */
    public static void main(String[] args) {
        System.out.println(Machine.current());
    }

    @Test
    void reportsTheMklShimOnlyWhenItIsPreloaded() throws Exception {
        Path source = Path.of("..", "narformer-app", "src", "main", "native", "mkl-intel-cpu.c");
        assertTrue(Files.isRegularFile(source), source.toAbsolutePath().toString());
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "no /proc: not Linux");
        Path lib = tmp.resolve(Machine.MKL_SHIM);
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O2", "-o", lib.toString(), source.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("gcc is not installed: " + e.getMessage());
            return;
        }
        String gccOutput = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, gcc.waitFor(), gccOutput);

        String with = child(Map.of("LD_PRELOAD", lib.toString()));
        String without = child(Map.of());
        assertTrue(with.contains("MKL shim loaded"), with);
        assertFalse(without.contains("MKL shim loaded"), without);
    }

    private static String child(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), MachineIT.class.getName()))
                .redirectErrorStream(true);
        pb.environment().remove("LD_PRELOAD");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
