package org.nnlab.labs.convolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nnlab.digits.DigitModel;
import org.nnlab.digits.DigitModels;
import org.nnlab.digits.ShippedDigitModels;
import org.nnlab.engine.data.Augmentation;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.tensor.Parallelism;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.SoftmaxKernel;
import org.nnlab.engine.tensor.Tensor;
import org.springframework.stereotype.Service;

/**
 * The CNN that ships with the app, opened up for the convolution lab: its first layer's filters with
 * their trained weights, and every stage's output for one 28×28 input (each layer of the network in
 * turn, then softmax when the network does not end in one). All of it is the engine running the real
 * model; nothing is recomputed here.
 */
@Service
public class ShippedCnn {
    public static final int SIDE = 28;

    private final DigitModels models;
    private volatile List<Filter> firstFilters;

    public ShippedCnn(DigitModels models) {
        this.models = models;
    }

    /** One trained kernel of a one-channel convolution: {@code height × width} weights row by row, and its bias. */
    public record Filter(int height, int width, float[] weights, float bias) {
    }

    /** One stage of the pipeline: the layer kind, the per-sample shape and the values, row-major. */
    public record Stage(String kind, Shape shape, float[] values) {
        /** Feature maps ({@code [channels, h, w]}) rather than a vector. */
        public boolean isMaps() {
            return shape.rank() == 3;
        }
    }

    /** What the network made of one input: every stage, the probabilities and the most probable digit. */
    public record Reading(List<Stage> stages, float[] probabilities, int prediction) {
        /** The output of the {@code n}-th stage of {@code kind} (counting from 0), if there is one. */
        public Optional<Stage> stage(String kind, int n) {
            return stages.stream().filter(s -> s.kind().equals(kind)).skip(n).findFirst();
        }
    }

    /** The shipped CNN, unless it is missing from this build. */
    public Optional<DigitModel> model() {
        return models.find(ShippedDigitModels.CNN, null);
    }

    /** The first convolution's kernels as trained (empty when the model is missing). */
    public List<Filter> firstFilters() {
        List<Filter> known = firstFilters;
        if (known == null) {
            known = model().map(m -> models.withNetwork(m, ShippedCnn::filters)).orElse(List.of());
            firstFilters = known;
        }
        return known;
    }

    private static List<Filter> filters(Sequential network) {
        int index = 0;
        while (!(network.spec().layers().get(index) instanceof Conv2dSpec)) {
            index++;
        }
        Conv2dSpec spec = (Conv2dSpec) network.spec().layers().get(index);
        Layer conv = network.layers().get(index);
        float[] weights = conv.params().get(0).value().data();
        float[] biases = conv.params().get(1).value().data();
        int h = spec.kernel().h();
        int w = spec.kernel().w();
        List<Filter> filters = new ArrayList<>();
        for (int f = 0; f < spec.filters(); f++) {
            float[] k = new float[h * w];
            System.arraycopy(weights, f * h * w, k, 0, h * w);
            filters.add(new Filter(h, w, k, biases[f]));
        }
        return List.copyOf(filters);
    }

    /** Runs the shipped CNN on a 28×28 input (ink = 1, row by row); empty when the model is missing. */
    public Optional<Reading> read(float[] input) {
        if (input.length != SIDE * SIDE) {
            throw new IllegalArgumentException("the CNN reads 28×28 inputs, got " + input.length + " values");
        }
        return model().map(m -> Parallelism.withThreads(1, () -> models.withNetwork(m, network -> {
            List<Tensor> outputs = network.forwardAll(new Tensor(Shape.of(1, 1, SIDE, SIDE), input.clone()));
            List<LayerSpec> specs = network.spec().layers();
            List<Stage> stages = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                Tensor t = outputs.get(i + 1);
                stages.add(new Stage(specs.get(i).kind(), t.shape().dropFirst(), t.data().clone()));
            }
            float[] last = outputs.getLast().data();
            float[] p = last.clone();
            if (!(specs.getLast() instanceof SoftmaxSpec)) {
                SoftmaxKernel.probabilities(last, 0, last.length, p, 0);
                stages.add(new Stage(new SoftmaxSpec().kind(), Shape.of(p.length), p.clone()));
            }
            int best = 0;
            for (int d = 1; d < p.length; d++) {
                best = p[d] > p[best] ? d : best;
            }
            return new Reading(List.copyOf(stages), p, best);
        })));
    }

    /**
     * {@code input} (28×28) moved {@code dx} pixels right and {@code dy} down by the engine's augmentation
     * (whole pixels, so nothing is blurred); what leaves the frame is lost and zeros come in.
     */
    public static float[] shift(float[] input, int dx, int dy) {
        if (dx == 0 && dy == 0) {
            return input.clone();
        }
        return Augmentation.shift(new GrayImage(SIDE, SIDE, input.clone()), dx, dy).pixels();
    }
}
