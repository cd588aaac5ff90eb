package org.nnlab.digits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.engine.data.DigitPreprocessor;
import org.nnlab.engine.data.DigitStages;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.ActivationSpec;
import org.nnlab.engine.spec.BatchNormSpec;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.ConvPoolBlockSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.DropoutSpec;
import org.nnlab.engine.spec.EmbeddingSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LeakyReluSpec;
import org.nnlab.engine.spec.LinearSpec;
import org.nnlab.engine.spec.PoolSpec;
import org.nnlab.engine.spec.RecurrentSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.spec.StepSpec;
import org.nnlab.engine.spec.TanhSpec;
import org.nnlab.engine.spec.TimeDenseSpec;
import org.nnlab.engine.spec.ZeroPadding2dSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.SoftmaxKernel;
import org.nnlab.engine.tensor.Tensor;
import org.springframework.stereotype.Service;

/**
 * Reads a drawing of a digit: preprocesses it as MNIST's digits were (see {@link DigitPreprocessor}),
 * runs a digit model on the 28×28 result and turns its outputs into probabilities (softmax, unless the
 * model already ends in one). One sample is far too small to gain from splitting across threads, so
 * the network runs on the calling thread.
 */
@Service
public class DigitClassifier {
    private final DigitModels models;
    private final DigitPreprocessor preprocessor = new DigitPreprocessor();

    public DigitClassifier(DigitModels models) {
        this.models = models;
    }

    /**
     * Classifies {@code drawing} (ink = 1, any size) with {@code model}. An empty drawing is not
     * classified: check {@link DigitStages#empty()} on {@link #preprocess} first, or expect
     * {@link IllegalArgumentException}.
     */
    public Classification classify(DigitModel model, GrayImage drawing, boolean withLayers) {
        long start = System.nanoTime();
        return classify(model, preprocess(drawing), withLayers, start);
    }

    /**
     * Classifies a drawing already preprocessed by {@link #preprocess}, without preprocessing it again;
     * the time taken counts from {@code startNanos} ({@link System#nanoTime()} before the preprocessing).
     * Empty stages are refused with {@link IllegalArgumentException}.
     */
    public Classification classify(DigitModel model, DigitStages stages, boolean withLayers, long startNanos) {
        if (stages.empty()) {
            throw new IllegalArgumentException("the drawing has no ink: nothing to classify");
        }
        return run(model, stages, withLayers, startNanos);
    }

    /** Classifies an image that is already a 28×28 MNIST-style input, without preprocessing it. */
    public Classification classifyPrepared(DigitModel model, GrayImage image28, boolean withLayers) {
        long start = System.nanoTime();
        if (image28.width() != DigitPreprocessor.SIZE || image28.height() != DigitPreprocessor.SIZE) {
            throw new IllegalArgumentException("a prepared input must be 28×28, got " + image28.width() + "×"
                    + image28.height());
        }
        DigitStages stages = new DigitStages(image28, false, 0, 0, 28, 28, image28, image28, 0, 0, image28);
        return run(model, stages, withLayers, start);
    }

    public DigitStages preprocess(GrayImage drawing) {
        return preprocessor.process(drawing);
    }

    private Classification run(DigitModel model, DigitStages stages, boolean withLayers, long start) {
        Tensor input = stages.input();
        record Outputs(float[] scores, boolean softmaxed, List<LayerActivation> layers) {
        }
        Outputs out = Parallelism.withThreads(1, () -> models.withNetwork(model, network -> {
            boolean softmaxed = network.spec().layers().getLast() instanceof SoftmaxSpec;
            if (!withLayers) {
                return new Outputs(network.forward(input, Mode.INFER).data().clone(), softmaxed, List.of());
            }
            List<Tensor> all = network.forwardAll(input);
            return new Outputs(all.getLast().data(), softmaxed, activations(network, all));
        }));
        float[] probabilities = out.softmaxed() ? out.scores().clone() : softmax(out.scores());
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Classification(model, stages, probabilities, best, out.layers(), System.nanoTime() - start);
    }

    /** Conv and dense layers' outputs (after the activation that follows, if any), the last layer excepted. */
    private static List<LayerActivation> activations(Sequential network, List<Tensor> outputs) {
        List<LayerSpec> specs = network.spec().layers();
        List<LayerActivation> shown = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < specs.size() - 1; i++) {
            if (!shown(specs.get(i))) {
                continue;
            }
            String kind = specs.get(i).kind();
            int number = counts.merge(kind, 1, Integer::sum);
            String activation = null;
            int outputIndex = i + 1;
            if (i + 1 < specs.size() - 1 && elementWise(specs.get(i + 1))) {
                activation = specs.get(i + 1).kind();
                outputIndex = i + 2;
            }
            Tensor t = outputs.get(outputIndex);
            shown.add(new LayerActivation(kind, number, activation, t.shape().dropFirst(), t.data()));
        }
        return shown;
    }

    /** Layers whose output "what the network sees" shows. */
    private static boolean shown(LayerSpec spec) {
        return switch (spec) {
            case Conv2dSpec _, ConvPoolBlockSpec _, DenseSpec _ -> true;
            case ActivationSpec _, PoolSpec _, ZeroPadding2dSpec _, FlattenSpec _, BatchNormSpec _, RecurrentSpec _,
                 BidirectionalSpec _, TimeDenseSpec _, EmbeddingSpec _ -> false;
        };
    }

    /** Element-wise activations: a shown layer followed by one is shown after it. */
    private static boolean elementWise(LayerSpec spec) {
        return spec instanceof ActivationSpec activation && switch (activation) {
            case ReluSpec _, LeakyReluSpec _, SigmoidSpec _, TanhSpec _, StepSpec _, LinearSpec _ -> true;
            case DropoutSpec _, SoftmaxSpec _ -> false;
        };
    }

    static float[] softmax(float[] logits) {
        float[] p = new float[logits.length];
        SoftmaxKernel.probabilities(logits, 0, logits.length, p, 0);
        return p;
    }
}
