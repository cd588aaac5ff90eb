package org.nnlab.engine.reference;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.layer.Softmax;
import org.nnlab.engine.loss.SoftmaxCrossEntropy;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.Init;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Dense → ReLU → Dense → softmax cross-entropy (mean over the batch) against PyTorch: logits, probabilities,
 * loss, and the gradients of the input and of every parameter. PyTorch's Linear weight is [out, in]; it is
 * transposed into our [in, out] on the way in and back for comparison.
 */
final class DenseSoftmaxRunner implements ReferenceRunner {
    @Override
    public Set<String> kinds() {
        return Set.of("dense_relu_dense_softmax_ce");
    }

    @Override
    public CaseResult run(Map<String, Object> c) {
        NestedArray x = CaseFields.array(c, "x");
        NestedArray w1 = CaseFields.array(c, "w1");
        NestedArray w2 = CaseFields.array(c, "w2");
        int[] labels = CaseFields.ints(c, "y");
        int hidden = w1.shape().dim(0);
        int out = w2.shape().dim(0);
        ModelSpec spec = ModelSpec.of(Shape.of(w1.shape().dim(1)),
                new DenseSpec(hidden, Init.fixed(CaseFields.transpose(w1)), Init.fixed(CaseFields.array(c, "b1").values())),
                new ReluSpec(),
                new DenseSpec(out, Init.fixed(CaseFields.transpose(w2)), Init.fixed(CaseFields.array(c, "b2").values())));
        Sequential model = Sequential.build(spec, new SplittableRandom(0));
        Tensor logits = model.forward(x.tensor(), Mode.TRAIN);
        Tensor grad = Tensor.zeros(logits.shape());
        double loss = new SoftmaxCrossEntropy().evaluate(logits, labels, grad);
        Tensor probs = Tensor.zeros(logits.shape());
        for (int r = 0; r < labels.length; r++) {
            Softmax.softmaxRow(logits.data(), probs.data(), r * out, out);
        }
        Tensor dx = model.backward(grad);
        var p = model.params();
        return new CaseResult.Builder()
                .compare("logits", CaseFields.array(c, "logits").values(), logits.data())
                .compare("probs", CaseFields.array(c, "probs").values(), probs.data())
                .compare("loss", CaseFields.number(c, "loss"), loss)
                .compare("dx", CaseFields.array(c, "dx").values(), dx.data())
                .compare("dw1", CaseFields.array(c, "dw1").values(), CaseFields.transpose(p.get(0).grad().data(), w1.shape().dim(1), hidden))
                .compare("db1", CaseFields.array(c, "db1").values(), p.get(1).grad().data())
                .compare("dw2", CaseFields.array(c, "dw2").values(), CaseFields.transpose(p.get(2).grad().data(), hidden, out))
                .compare("db2", CaseFields.array(c, "db2").values(), p.get(3).grad().data())
                .build();
    }
}
