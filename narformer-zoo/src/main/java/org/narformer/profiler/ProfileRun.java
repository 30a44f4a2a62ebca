package org.narformer.profiler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.narformer.AtomicFiles;
import org.narformer.BadInputException;
import org.narformer.NarFormerException;
import org.narformer.data.Machine;
import org.narformer.onnx.OnnxModel;

/**
 * Profiles a list of ONNX files into a latency table in {@code outDir}:
 * <ul>
 * <li>{@code latency.txt} — NNLQP labels {@code GraphID OnnxPath BatchSize Latency(ms) ModelType PlatformId
 *     Stage}, space separated; GraphID is the 1-based position in the input list ({@code %05d}), ModelType the
 *     file's parent directory name (the family, as {@code zoo generate} lays files out);</li>
 * <li>{@code latency.csv} — the same rows with the spread: median, p10, p90, mean, runs, early stop;</li>
 * <li>{@code failures.csv} — files that failed, with the one-line reason;</li>
 * <li>{@code manifest.json} — CPU, ONNX Runtime and Java versions, the settings, seeds, time, command line.</li>
 * </ul>
 * Each row is appended with one write and forced to disk, so an interrupted run loses at most the model being
 * measured; a restarted run skips every file already in {@code latency.csv} (a torn last line is dropped).
 * A file that fails to load or run is reported and skipped; the others are measured.
 */
public final class ProfileRun {
    /** Header of {@code latency.csv}. */
    public static final String CSV_HEADER =
            "graph_id,onnx_path,batch_size,latency_ms,model_type,platform_id,stage,p10_ms,p90_ms,mean_ms,runs,stopped_early";

    /**
     * What a run did.
     *
     * @param measured files measured in this run
     * @param skipped  files already in the table (resumed)
     * @param failures file → reason, for files that failed in this run
     */
    public record Summary(int measured, int skipped, Map<String, String> failures) {
        public boolean hasFailures() {
            return !failures.isEmpty();
        }
    }

    private final ProfileConfig config;
    private final String commandLine;

    public ProfileRun(ProfileConfig config, String commandLine) {
        this.config = config;
        this.commandLine = commandLine;
    }

    /**
     * @param files    the ONNX files in GraphID order
     * @param progress called with each file when it is done (measured, skipped or failed)
     */
    public Summary run(List<Path> files, Path outDir, Consumer<Path> progress) {
        try {
            Files.createDirectories(outDir);
            Path csv = outDir.resolve("latency.csv");
            Path txt = outDir.resolve("latency.txt");
            Set<String> done = resume(csv, txt);
            writeManifest(outDir, files.size());
            LatencyProfiler profiler = new LatencyProfiler(config);
            Map<String, String> failures = new LinkedHashMap<>();
            int measured = 0;
            int skipped = 0;
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                String path = file.toString();
                if (done.contains(path)) {
                    skipped++;
                    progress.accept(file);
                    continue;
                }
                try {
                    LatencyMeasurement m = profiler.measure(OnnxModel.read(file));
                    String id = String.format(Locale.ROOT, "%05d", i + 1);
                    String type = file.toAbsolutePath().getParent().getFileName().toString();
                    append(txt, String.join(" ", id, path, Integer.toString(config.batchSize()),
                            fmt(m.medianMs()), type, Integer.toString(config.platformId()), config.stage()));
                    append(csv, String.join(",", id, path, Integer.toString(config.batchSize()), fmt(m.medianMs()),
                            type, Integer.toString(config.platformId()), config.stage(), fmt(m.p10Ms()),
                            fmt(m.p90Ms()), fmt(m.meanMs()), Integer.toString(m.runs()),
                            Boolean.toString(m.stoppedEarly())));
                    measured++;
                } catch (NarFormerException | IllegalArgumentException e) {
                    failures.put(path, e.getMessage());
                    append(outDir.resolve("failures.csv"), path + "," + e.getMessage().replace(',', ';')
                            .replace('\n', ' '));
                }
                progress.accept(file);
            }
            return new Summary(measured, skipped, failures);
        } catch (IOException e) {
            throw new NarFormerException("cannot write the latency table in " + outDir + ": " + e.getMessage(), e);
        }
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.5f", ms);
    }

    /** Paths already in the CSV; creates both files with their headers, and drops a torn last line. */
    private static Set<String> resume(Path csv, Path txt) throws IOException {
        Set<String> done = new TreeSet<>();
        if (!Files.exists(csv)) {
            append(csv, CSV_HEADER);
        }
        dropTornLine(csv);
        dropTornLine(txt);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f.length > 1) {
                done.add(f[1]);
            }
        }
        return done;
    }

    private static void dropTornLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end != bytes.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(end);
                ch.force(true);
            }
        }
    }

    /** Appends one line with a single write and forces it to disk. */
    private static void append(Path file, String line) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    /**
     * Writes the manifest; when one is there already (a restart), refuses to go on unless the settings, the
     * ONNX Runtime version and the CPU are the same, so that one table never mixes measurement conditions.
     */
    private void writeManifest(Path outDir, int fileCount) throws IOException {
        Path manifest = outDir.resolve("manifest.json");
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> m = new LinkedHashMap<>();
        String started = Instant.now().toString();
        if (Files.exists(manifest)) {
            Map<?, ?> old = json.readValue(manifest.toFile(), Map.class);
            ObjectMapper compact = new ObjectMapper();
            String settings = compact.writeValueAsString(config);
            String cpu = Machine.current().cpuModel();
            String ort = LatencyProfiler.runtimeVersion();
            if (!settings.equals(compact.writeValueAsString(old.get("settings"))) || !cpu.equals(old.get("cpu"))
                    || !ort.equals(old.get("onnxRuntimeVersion"))) {
                throw new BadInputException(manifest.toString(), null, "this table was measured with other "
                        + "settings, CPU or ONNX Runtime (" + old.get("settings") + ", " + old.get("cpu") + ", ORT "
                        + old.get("onnxRuntimeVersion") + "); now " + settings + ", " + cpu + ", ORT " + ort
                        + ": use another --out");
            }
            started = String.valueOf(old.get("time"));
            m.put("restartedAt", Instant.now().toString());
        }
        m.put("tool", "narformer profile");
        m.put("time", started);
        m.put("commandLine", commandLine);
        m.put("cpu", Machine.current().cpuModel());
        m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        m.put("onnxRuntimeVersion", LatencyProfiler.runtimeVersion());
        m.put("executionProvider", "CPU");
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("settings", config);
        m.put("seeds", Map.of("weightsAndInput", config.weightSeed()));
        m.put("fileCount", fileCount);
        AtomicFiles.write(manifest, json.writeValueAsBytes(m));
    }

    /**
     * {@code count} of {@code files} drawn without replacement by {@code seed}, in their original order (all of
     * them when there are not more): the sample a stability re-measurement profiles.
     */
    public static List<Path> sample(List<Path> files, int count, long seed) {
        if (count >= files.size()) {
            return files;
        }
        int[] order = java.util.stream.IntStream.range(0, files.size()).toArray();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(order, count);
        java.util.Arrays.sort(chosen);
        List<Path> out = new ArrayList<>(count);
        for (int i : chosen) {
            out.add(files.get(i));
        }
        return out;
    }

    /** The {@code .onnx} files under each argument (a file or a directory, searched recursively), sorted. */
    public static List<Path> onnxFiles(List<Path> args) {
        List<Path> files = new ArrayList<>();
        for (Path p : args) {
            if (Files.isDirectory(p)) {
                try (var s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".onnx") && Files.isRegularFile(f)).sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new NarFormerException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
