package org.narformer.profiler;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import org.narformer.BadInputException;
import org.narformer.NarFormerException;
import org.narformer.onnx.OnnxModel;

/**
 * Measures the latency of one ONNX model on the ONNX Runtime CPU execution provider: weight-stripped files get
 * seeded random weights ({@link OnnxModel#withRandomWeights}), every float input gets seeded uniform [0, 1)
 * values with dim 0 set to the batch size (the model's inputs and outputs are rewritten to that batch with
 * {@link OnnxModel#withBatchSize}; other symbolic dims become 1), then {@code warmupRuns} untimed and up to
 * {@code maxRuns} timed {@code run} calls, stopping early as {@link LatencySamples} describes.
 */
public final class LatencyProfiler {
    private final ProfileConfig config;
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();

    public LatencyProfiler(ProfileConfig config) {
        this.config = config;
    }

    /** The ONNX Runtime version in use. */
    public static String runtimeVersion() {
        return OrtEnvironment.getEnvironment().getVersion();
    }

    /**
     * @throws BadInputException  when ONNX Runtime cannot load or run the model (the message names it)
     */
    public LatencyMeasurement measure(OnnxModel model) {
        OnnxModel runnable = model.strippedInitializerCount() > 0 ? model.withRandomWeights(config.weightSeed())
                : model;
        if (config.batchSize() != 1) {
            runnable = runnable.withBatchSize(config.batchSize());
        }
        byte[] bytes = runnable.toBytes();
        try (OrtSession.SessionOptions options = options();
             OrtSession session = env.createSession(bytes, options)) {
            Map<String, OnnxTensor> inputs = inputs(session);
            try {
                for (int i = 0; i < config.warmupRuns(); i++) {
                    session.run(inputs).close();
                }
                LatencySamples samples = new LatencySamples();
                long capNanos = (long) (config.timeCapSeconds() * 1e9);
                long start = System.nanoTime();
                boolean stable = false;
                while (samples.count() < config.maxRuns()) {
                    long t0 = System.nanoTime();
                    session.run(inputs).close();
                    long t1 = System.nanoTime();
                    samples.add((t1 - t0) / 1e6);
                    stable = samples.isStable(config.minRuns(), config.stableWindow(), config.stableTolerance());
                    if (stable || (t1 - start > capNanos && samples.count() >= Math.min(config.minRuns(), 3))) {
                        break;
                    }
                }
                return new LatencyMeasurement(samples.percentile(50), samples.percentile(10),
                        samples.percentile(90), samples.mean(), samples.count(), stable);
            } finally {
                inputs.values().forEach(OnnxTensor::close);
            }
        } catch (OrtException e) {
            throw new BadInputException(model.source(), null, "ONNX Runtime cannot run the model: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setIntraOpNumThreads(config.threads());
        o.setInterOpNumThreads(1);
        o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        o.setOptimizationLevel(switch (config.optimizationLevel()) {
            case "none" -> OrtSession.SessionOptions.OptLevel.NO_OPT;
            case "basic" -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case "extended" -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            default -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
        });
        return o;
    }

    private Map<String, OnnxTensor> inputs(OrtSession session) throws OrtException {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        SplittableRandom random = new SplittableRandom(config.weightSeed());
        for (Map.Entry<String, NodeInfo> e : new java.util.TreeMap<>(session.getInputInfo()).entrySet()) {
            if (!(e.getValue().getInfo() instanceof TensorInfo info)
                    || info.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
                throw new NarFormerException("input '" + e.getKey() + "' is not a float tensor");
            }
            long[] shape = info.getShape().clone();
            long count = 1;
            for (int d = 0; d < shape.length; d++) {
                if (shape[d] < 0) {
                    shape[d] = d == 0 ? config.batchSize() : 1;
                }
                count *= shape[d];
            }
            if (shape.length > 0 && shape[0] != config.batchSize()) {
                throw new OrtException("input '" + e.getKey() + "' has a fixed batch dimension " + shape[0]
                        + ", not the requested batch size " + config.batchSize());
            }
            float[] values = new float[Math.toIntExact(count)];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextDouble();
            }
            inputs.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape));
        }
        return inputs;
    }
}
