package org.nnlab.engine.layer;

import java.util.List;
import org.nnlab.engine.spec.BatchNormSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Batch normalisation (see {@link BatchNormSpec}): y = γ · x̂ + β with x̂ = (x − μ) / sqrt(σ² + ε).
 * Shapes: x and y [batch, features] or [batch, c, h, w]; γ, β, running mean and variance [features]
 * (per channel for images). In {@link Mode#TRAIN} μ and σ² (biased) come from the batch and the running
 * values are updated; in {@link Mode#INFER} the running values are used and nothing changes.
 * Backward (training): dx = (γ / (N·s)) · (N·dy − Σdy − x̂ · Σ(dy · x̂)) with s = sqrt(σ² + ε) and N
 * values per feature; dγ = Σ dy · x̂, dβ = Σ dy. After an inference forward, dx = γ · dy / s.
 * The running averages are state, not parameters: {@link #runningMean()}, {@link #runningVar()}.
 */
public final class BatchNorm implements Layer {
    private final BatchNormSpec spec;
    private final Shape sample;
    private final int features;
    private final int inner;          // values per feature per sample: h·w for images, 1 for vectors
    private final Param gamma;
    private final Param beta;
    private final Tensor runningMean;
    private final Tensor runningVar;
    private final float[] mean;
    private final float[] invStd;
    private Tensor input;
    private Tensor output;
    private Tensor gradInput;
    private boolean trained;

    public BatchNorm(BatchNormSpec spec, Shape sample) {
        this.spec = spec;
        this.sample = sample;
        this.features = sample.dim(0);
        this.inner = sample.size() / features;
        this.gamma = Param.of("gamma", Tensor.filled(Shape.of(features), 1f));
        this.beta = Param.of("beta", Tensor.zeros(Shape.of(features)));
        this.runningMean = Tensor.zeros(Shape.of(features));
        this.runningVar = Tensor.filled(Shape.of(features), 1f);
        this.mean = new float[features];
        this.invStd = new float[features];
    }

    public Tensor runningMean() {
        return runningMean;
    }

    public Tensor runningVar() {
        return runningVar;
    }

    @Override
    public List<Param> state() {
        return List.of(Param.of("running_mean", runningMean), Param.of("running_var", runningVar));
    }

    @Override
    public Shape outputShape(Shape in) {
        return spec.outputShape(in);
    }

    @Override
    public Tensor forward(Tensor x, Mode mode) {
        int batch = Layers.requireBatch(this, x, sample);
        input = x;
        output = Layers.buffer(output, x.shape());
        trained = mode == Mode.TRAIN;
        float[] xs = x.data();
        float[] ys = output.data();
        int count = batch * inner;
        float eps = (float) spec.epsilon();
        for (int f = 0; f < features; f++) {
            if (trained) {
                double s = 0;
                for (int n = 0; n < batch; n++) {
                    int base = (n * features + f) * inner;
                    for (int i = 0; i < inner; i++) {
                        s += xs[base + i];
                    }
                }
                double mu = s / count;
                double v = 0;
                for (int n = 0; n < batch; n++) {
                    int base = (n * features + f) * inner;
                    for (int i = 0; i < inner; i++) {
                        double d = xs[base + i] - mu;
                        v += d * d;
                    }
                }
                double var = v / count;
                mean[f] = (float) mu;
                invStd[f] = (float) (1 / Math.sqrt(var + eps));
                double m = spec.momentum();
                double unbiased = count > 1 ? v / (count - 1) : var;
                runningMean.set(f, (float) ((1 - m) * runningMean.get(f) + m * mu));
                runningVar.set(f, (float) ((1 - m) * runningVar.get(f) + m * unbiased));
            } else {
                mean[f] = runningMean.get(f);
                invStd[f] = (float) (1 / Math.sqrt(runningVar.get(f) + eps));
            }
            float scale = gamma.value().get(f) * invStd[f];
            float shift = beta.value().get(f) - mean[f] * scale;
            for (int n = 0; n < batch; n++) {
                int base = (n * features + f) * inner;
                for (int i = 0; i < inner; i++) {
                    ys[base + i] = xs[base + i] * scale + shift;
                }
            }
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOut, boolean inputGradient) {
        if (input == null) {
            throw new IllegalStateException("BatchNorm: backward called before forward");
        }
        int batch = input.shape().dim(0);
        gradInput = Layers.buffer(gradInput, input.shape());
        float[] xs = input.data();
        float[] dy = gradOut.data();
        float[] dx = gradInput.data();
        int count = batch * inner;
        for (int f = 0; f < features; f++) {
            float mu = mean[f];
            float is = invStd[f];
            double sumDy = 0;
            double sumDyXhat = 0;
            for (int n = 0; n < batch; n++) {
                int base = (n * features + f) * inner;
                for (int i = 0; i < inner; i++) {
                    float g = dy[base + i];
                    sumDy += g;
                    sumDyXhat += g * (xs[base + i] - mu) * is;
                }
            }
            float gf = gamma.value().get(f);
            gamma.grad().set(f, gamma.grad().get(f) + (float) sumDyXhat);
            beta.grad().set(f, beta.grad().get(f) + (float) sumDy);
            if (trained) {
                float k = gf * is / count;
                float meanDy = (float) sumDy;
                float meanDyXhat = (float) sumDyXhat;
                for (int n = 0; n < batch; n++) {
                    int base = (n * features + f) * inner;
                    for (int i = 0; i < inner; i++) {
                        float xhat = (xs[base + i] - mu) * is;
                        dx[base + i] = k * (count * dy[base + i] - meanDy - xhat * meanDyXhat);
                    }
                }
            } else {
                float k = gf * is;
                for (int n = 0; n < batch; n++) {
                    int base = (n * features + f) * inner;
                    for (int i = 0; i < inner; i++) {
                        dx[base + i] = k * dy[base + i];
                    }
                }
            }
        }
        return gradInput;
    }

    @Override
    public List<Param> params() {
        return List.of(gamma, beta);
    }

    @Override
    public LayerSpec spec() {
        return spec;
    }

    @Override
    public String toString() {
        return "BatchNorm(" + features + (inner > 1 ? " channels" : " features") + ")";
    }
}
