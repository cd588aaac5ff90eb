package org.nnlab.engine.reference;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.optim.Adam;
import org.nnlab.engine.optim.Optimizer;
import org.nnlab.engine.optim.RmsProp;
import org.nnlab.engine.optim.Sgd;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;

/**
 * Optimizer cases: minimise Σ (p − target)² (gradient 2(p − target)) from {@code start} and compare the
 * parameters after each step. Hyper-parameters are those of the reference README unless the case gives
 * {@code lr}, {@code momentum}, {@code alpha}, {@code beta1}, {@code beta2}, {@code eps} or
 * {@code weight_decay}.
 */
final class OptimizerRunner implements ReferenceRunner {
    @Override
    public Set<String> kinds() {
        return Set.of("optimizer_adam", "optimizer_sgd_momentum", "optimizer_rmsprop");
    }

    @Override
    public CaseResult run(Map<String, Object> c) {
        NestedArray start = CaseFields.array(c, "start");
        float[] target = CaseFields.array(c, "target").floats();
        NestedArray expected = CaseFields.array(c, "after_each_step");
        int n = start.values().length;
        if (target.length != n || expected.shape().rank() != 2 || expected.shape().dim(1) != n) {
            throw new IllegalArgumentException("start, target and each row of after_each_step must have the same length");
        }
        Param p = Param.of("p", new Tensor(Shape.of(n), start.floats()));
        Optimizer optimizer = create((String) c.get("kind"), c);
        CaseResult.Builder result = new CaseResult.Builder();
        for (int s = 0; s < expected.shape().dim(0); s++) {
            float[] v = p.value().data();
            float[] g = p.grad().data();
            for (int i = 0; i < n; i++) {
                g[i] = 2 * (v[i] - target[i]);
            }
            optimizer.step(List.of(p));
            double[] row = java.util.Arrays.copyOfRange(expected.values(), s * n, (s + 1) * n);
            result.compare("after_each_step[" + s + "]", row, v);
        }
        return result.build();
    }

    private static Optimizer create(String kind, Map<String, Object> c) {
        double wd = CaseFields.number(c, "weight_decay", 0);
        return switch (kind) {
            case "optimizer_adam" -> new Adam(CaseFields.number(c, "lr", 0.1), CaseFields.number(c, "beta1", 0.9),
                    CaseFields.number(c, "beta2", 0.999), CaseFields.number(c, "eps", 1e-8), wd);
            case "optimizer_sgd_momentum" -> new Sgd(CaseFields.number(c, "lr", 0.1), CaseFields.number(c, "momentum", 0.9), wd);
            case "optimizer_rmsprop" -> new RmsProp(CaseFields.number(c, "lr", 0.01), CaseFields.number(c, "alpha", 0.99),
                    CaseFields.number(c, "eps", 1e-8), wd);
            default -> throw new IllegalArgumentException("not an optimizer kind: " + kind);
        };
    }
}
