package org.nnlab.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/** Runs an ONNX file in ONNX Runtime on one batch: the independent side of the export tests. */
final class OnnxRuntimeCheck {
    private OnnxRuntimeCheck() {
    }

    static Tensor run(byte[] onnx, Tensor input) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] dims = Arrays.stream(input.shape().dims()).asLongStream().toArray();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(onnx, options);
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input.data()), dims);
             OrtSession.Result result = session.run(Map.of(OnnxModel.INPUT, x))) {
            OnnxTensor y = (OnnxTensor) result.get(OnnxModel.OUTPUT).orElseThrow();
            long[] shape = y.getInfo().getShape();
            FloatBuffer buf = y.getFloatBuffer();
            float[] values = new float[buf.remaining()];
            buf.get(values);
            return new Tensor(Shape.of(Arrays.stream(shape).mapToInt(Math::toIntExact).toArray()), values);
        }
    }

    static double maxAbsDiff(Tensor a, Tensor b) {
        if (!a.shape().equals(b.shape())) {
            throw new AssertionError("shapes differ: " + a.shape() + " and " + b.shape());
        }
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            max = Math.max(max, Math.abs(a.get(i) - b.get(i)));
        }
        return max;
    }
}
