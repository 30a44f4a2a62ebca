package org.narformer.zoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.narformer.NarFormerException;
import org.narformer.onnx.OnnxModel;

/**
 * Writes model-family variants as ONNX files: {@code DIR/<family>/<family>_<seed>.onnx} (seed zero-padded to 6
 * digits), {@code DIR/models.csv} ({@code onnx_path,family,seed,params,macs}) and {@code DIR/manifest.json}
 * (settings, seeds, time, command line). The same config always writes the same bytes.
 */
public final class ZooGenerator {
    private final ZooConfig config;
    private final String commandLine;

    public ZooGenerator(ZooConfig config, String commandLine) {
        this.config = config;
        this.commandLine = commandLine;
    }

    /** Total files {@link #generate} writes. */
    public int fileCount() {
        return config.families().size() * config.count();
    }

    /** @param progress called with each written file */
    public void generate(Path outDir, Consumer<Path> progress) {
        try {
            Files.createDirectories(outDir);
            StringBuilder csv = new StringBuilder("onnx_path,family,seed,params,macs\n");
            for (ModelFamily family : config.families()) {
                for (int k = 0; k < config.count(); k++) {
                    long seed = config.seed() + k;
                    OnnxModel model = family.variant(seed, config.minScale(), config.maxScale());
                    NetworkStats stats = NetworkStats.of(model.toGraph());
                    Path file = outDir.resolve(family.familyName())
                            .resolve(String.format(Locale.ROOT, "%s_%06d.onnx", family.familyName(), seed));
                    (config.randomWeights() ? model.withRandomWeights(seed) : model).write(file);
                    csv.append(outDir.relativize(file)).append(',').append(family.familyName()).append(',')
                            .append(seed).append(',').append(stats.paramCount()).append(',')
                            .append(stats.macCount()).append('\n');
                    progress.accept(file);
                }
            }
            Files.writeString(outDir.resolve("models.csv"), csv);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tool", "narformer zoo generate");
            m.put("time", Instant.now().toString());
            m.put("commandLine", commandLine);
            m.put("opset", LayerWriter.OPSET);
            m.put("settings", config);
            m.put("java", System.getProperty("java.version"));
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(outDir.resolve("manifest.json").toFile(), m);
        } catch (IOException e) {
            throw new NarFormerException("cannot write the model zoo in " + outDir + ": " + e.getMessage(), e);
        }
    }
}
