package org.nnlab.engine.reference;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.nnlab.engine.backprop.WorkedExample;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.loss.MeanSquaredError;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.optim.Sgd;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * The classic 2-2-2 example run through the engine itself (Dense, Sigmoid, E = Σ ½(t − o)², SGD on the
 * weights only, biases fixed), in float32; the network is {@link WorkedExample#classic()} as the README
 * of the reference file describes it. PyTorch's matrices are [to, from]; ours are [from, to].
 */
final class BpWorkedExampleRunner implements ReferenceRunner {
    @Override
    public Set<String> kinds() {
        return Set.of("bp_worked_example");
    }

    @Override
    public CaseResult run(Map<String, Object> testCase) {
        WorkedExample ex = WorkedExample.classic();
        Sequential model = build(ex);
        List<Param> weights = List.of(model.params().get(0), model.params().get(2));
        Tensor x = Tensor.of(Shape.of(1, 2), (float) ex.inputs()[0], (float) ex.inputs()[1]);
        Tensor t = Tensor.of(Shape.of(1, 2), (float) ex.targets()[0], (float) ex.targets()[1]);
        MeanSquaredError loss = new MeanSquaredError(MeanSquaredError.Form.HALF_SUM);
        Sgd sgd = new Sgd(ex.learningRate());
        Map<String, Object> first = CaseFields.object(testCase, "first_step");
        CaseResult.Builder result = new CaseResult.Builder();
        List<Tensor> all = model.forwardAll(x);
        result.compare("first_step.hidden", CaseFields.array(first, "hidden").values(), all.get(2).data());
        result.compare("first_step.out", CaseFields.array(first, "out").values(), all.get(4).data());
        double error = train(model, weights, loss, sgd, x, t);
        result.compare("first_step.error", CaseFields.number(first, "error"), error);
        for (int layer = 0; layer < 2; layer++) {
            Param w = weights.get(layer);
            String n = String.valueOf(layer + 1);
            result.compare("first_step.dW" + n, CaseFields.array(first, "dW" + n).values(), CaseFields.transpose(w.grad().data(), 2, 2));
            result.compare("first_step.W" + n + "_after", CaseFields.array(first, "W" + n + "_after").values(),
                    CaseFields.transpose(w.value().data(), 2, 2));
        }
        for (int s = 1; s < 10_000; s++) {
            train(model, weights, loss, sgd, x, t);
        }
        Map<String, Object> after = CaseFields.object(testCase, "after_10000");
        Tensor out = model.forward(x, Mode.INFER);
        result.compare("after_10000.out", CaseFields.array(after, "out").values(), out.data());
        result.compare("after_10000.error", CaseFields.number(after, "error"),
                loss.evaluate(out, t, Tensor.zeros(out.shape())));
        return result.build();
    }

    /** One full-batch step; returns the error before the update. */
    private static double train(Sequential model, List<Param> weights, MeanSquaredError loss, Sgd sgd, Tensor x, Tensor t) {
        model.zeroGrad();
        Tensor out = model.forward(x, Mode.TRAIN);
        Tensor g = Tensor.zeros(out.shape());
        double e = loss.evaluate(out, t, g);
        model.backward(g);
        sgd.step(weights);
        return e;
    }

    private static Sequential build(WorkedExample ex) {
        ModelSpec spec = ModelSpec.of(Shape.of(2),
                new DenseSpec(2, Init.fixed(ours(ex.hiddenWeights())), Init.fixed(ex.hiddenBias())), new SigmoidSpec(),
                new DenseSpec(2, Init.fixed(ours(ex.outputWeights())), Init.fixed(ex.outputBias())), new SigmoidSpec());
        return Sequential.build(spec, new SplittableRandom(0));
    }

    /** [to][from] rows into our [from, to] layout, flattened. */
    private static double[] ours(double[][] rows) {
        double[] flat = new double[rows.length * rows[0].length];
        for (int to = 0; to < rows.length; to++) {
            for (int from = 0; from < rows[0].length; from++) {
                flat[from * rows.length + to] = rows[to][from];
            }
        }
        return flat;
    }
}
