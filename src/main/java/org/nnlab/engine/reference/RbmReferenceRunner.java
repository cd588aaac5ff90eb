package org.nnlab.engine.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnlab.engine.rbm.CdStep;
import org.nnlab.engine.rbm.ContrastiveDivergence;
import org.nnlab.engine.rbm.Rbm;
import org.nnlab.engine.rbm.RbmConfig;
import org.nnlab.engine.rbm.Uniforms;
import org.nnlab.engine.tensor.Shape;

/**
 * {@code rbm_cd} cases: one CD-k update of a Bernoulli RBM with the case's uniforms deciding every sample,
 * compared field by field: ph0, pv1, vk, phk, the gradient estimates dW, dbv, dbh, the parameters after
 * the update, the reconstruction error and the free energy of each row of v0 before it. Shapes come from
 * the arrays; {@code config} gives k, lr and sample_visible (and must agree with the shapes).
 */
final class RbmReferenceRunner implements ReferenceRunner {
    @Override
    public Set<String> kinds() {
        return Set.of("rbm_cd");
    }

    @Override
    public CaseResult run(Map<String, Object> c) {
        Map<String, Object> config = CaseFields.object(c, "config");
        NestedArray v0 = CaseFields.array(c, "v0");
        NestedArray w = CaseFields.array(c, "W");
        if (v0.shape().rank() != 2 || w.shape().rank() != 2 || v0.shape().dim(1) != w.shape().dim(0)) {
            throw new IllegalArgumentException("v0 must be [batch, visible] and W [visible, hidden], got "
                    + v0.shape() + " and " + w.shape());
        }
        int batch = v0.shape().dim(0);
        int visible = w.shape().dim(0);
        int hidden = w.shape().dim(1);
        int k = (int) CaseFields.number(config, "k");
        requireConfig(config, "batch", batch);
        requireConfig(config, "visible", visible);
        requireConfig(config, "hidden", hidden);
        boolean sampleVisible = Boolean.TRUE.equals(CaseFields.field(config, "sample_visible"));
        Rbm rbm = new Rbm(w.tensor(), CaseFields.array(c, "bv").tensor(), CaseFields.array(c, "bh").tensor());
        double[] freeEnergy = rbm.freeEnergy(v0.tensor());
        RbmConfig settings = new RbmConfig(k, false, CaseFields.number(config, "lr"), 0, 0, batch, sampleVisible);
        Uniforms given = givenUniforms(c, k, sampleVisible, Shape.of(k, batch, hidden), Shape.of(k, batch, visible));
        CdStep step = new ContrastiveDivergence(rbm, settings, given).update(v0.tensor());
        return new CaseResult.Builder()
                .compare("ph0", CaseFields.array(c, "ph0").values(), step.positiveHidden().data())
                .compare("pv1", CaseFields.array(c, "pv1").values(), step.reconstruction().data())
                .compare("vk", CaseFields.array(c, "vk").values(), step.negativeVisible().data())
                .compare("phk", CaseFields.array(c, "phk").values(), step.negativeHidden().data())
                .compare("dW", CaseFields.array(c, "dW").values(), negated(rbm.weight().grad().data()))
                .compare("dbv", CaseFields.array(c, "dbv").values(), negated(rbm.visibleBias().grad().data()))
                .compare("dbh", CaseFields.array(c, "dbh").values(), negated(rbm.hiddenBias().grad().data()))
                .compare("W_after", CaseFields.array(c, "W_after").values(), rbm.weight().value().data())
                .compare("bv_after", CaseFields.array(c, "bv_after").values(), rbm.visibleBias().value().data())
                .compare("bh_after", CaseFields.array(c, "bh_after").values(), rbm.hiddenBias().value().data())
                .compare("recon_error", CaseFields.number(c, "recon_error"), step.reconstructionError())
                .compare("free_energy", CaseFields.array(c, "free_energy").values(), toFloats(freeEnergy))
                .build();
    }

    private static void requireConfig(Map<String, Object> config, String name, int fromArrays) {
        int stated = (int) CaseFields.number(config, name);
        if (stated != fromArrays) {
            throw new IllegalArgumentException("config says " + name + " " + stated + " but the arrays have " + fromArrays);
        }
    }

    /** The case's u_h[j] and u_v[j] blocks, handed out in the order {@link ContrastiveDivergence} asks for them. */
    private static Uniforms givenUniforms(Map<String, Object> c, int k, boolean sampleVisible, Shape hShape, Shape vShape) {
        NestedArray uh = CaseFields.array(c, "u_h");
        NestedArray uv = CaseFields.array(c, "u_v");
        if (!uh.shape().equals(hShape) || !uv.shape().equals(vShape)) {
            throw new IllegalArgumentException("u_h must be [k, batch, hidden] = " + hShape + " and u_v [k, batch, visible] = "
                    + vShape + ", got " + uh.shape() + " and " + uv.shape());
        }
        List<float[]> blocks = new ArrayList<>();
        int hSize = hShape.size() / k;
        int vSize = vShape.size() / k;
        float[] h = uh.floats();
        float[] v = uv.floats();
        for (int j = 0; j < k; j++) {
            blocks.add(java.util.Arrays.copyOfRange(h, j * hSize, (j + 1) * hSize));
            if (sampleVisible) {
                blocks.add(java.util.Arrays.copyOfRange(v, j * vSize, (j + 1) * vSize));
            }
        }
        int[] next = {0};
        return (out, count) -> {
            if (next[0] >= blocks.size() || blocks.get(next[0]).length != count) {
                throw new IllegalStateException("the engine asked for uniforms the case does not give (block "
                        + next[0] + " of " + count + " values)");
            }
            System.arraycopy(blocks.get(next[0]++), 0, out, 0, count);
        };
    }

    private static float[] negated(float[] a) {
        float[] n = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            n[i] = -a[i];
        }
        return n;
    }

    private static float[] toFloats(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
