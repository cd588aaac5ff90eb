package org.nnlab.labs.pretraining.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;
import org.nnlab.labs.pretraining.PretrainingProperties;
import org.nnlab.labs.pretraining.PretrainingService;
import org.nnlab.labs.ui.LabPage;

/**
 * The pretraining lab: why deep sigmoid networks were hard to train, what a restricted Boltzmann machine is
 * and how contrastive divergence trains it, one RBM learning MNIST live (its weights as pictures, its
 * reconstructions, curves and dreams), and the experiment that compares the same deep network fine-tuned from
 * random weights and from a pretrained stack, with few labels and with all. Every number comes from the engine.
 */
@Route("labs/pretraining")
@StyleSheet("context://labs/pretraining.css")
public class PretrainingLabView extends LabPage {
    final RbmPanel rbm;
    final ExperimentPanel experiment;

    public PretrainingLabView(PretrainingService service, LabProgress progress) {
        super(Chapter.PRETRAINING, progress);
        PretrainingProperties s = service.settings();
        addSection("labs.pretraining.idea", prose("labs.pretraining.idea.p1"),
                formula("\\frac{\\partial L}{\\partial h^{(1)}} = \\frac{\\partial L}{\\partial h^{(n)}}"
                        + " \\prod_{l=2}^{n} \\operatorname{diag}\\!\\big(\\sigma'(z^{(l)})\\big) W^{(l)},"
                        + " \\qquad \\sigma'(z) \\le \\tfrac14"),
                prose("labs.pretraining.idea.p2"), prose("labs.pretraining.idea.p3"));
        addSection("labs.pretraining.rbm.idea", prose("labs.pretraining.rbm.p1"),
                formula("E(v, h) = -\\sum_i b_i v_i - \\sum_j c_j h_j - \\sum_{i,j} v_i W_{ij} h_j"),
                prose("labs.pretraining.rbm.p2"),
                formula("p(h_j = 1 \\mid v) = \\sigma\\Big(c_j + \\sum_i v_i W_{ij}\\Big), \\qquad"
                        + " p(v_i = 1 \\mid h) = \\sigma\\Big(b_i + \\sum_j W_{ij} h_j\\Big)"),
                prose("labs.pretraining.rbm.p3"),
                formula("\\Delta W_{ij} = \\eta \\big( \\langle v_i h_j \\rangle_{\\text{data}}"
                        + " - \\langle v_i h_j \\rangle_{\\text{reconstruction}} \\big)"),
                prose("labs.pretraining.rbm.p4"),
                formula("F(v) = -\\sum_i b_i v_i - \\sum_j \\log\\Big(1 + e^{\\,c_j + \\sum_i v_i W_{ij}}\\Big)"));
        rbm = new RbmPanel(service, this::complete);
        addSection("labs.pretraining.live", prose("labs.pretraining.live.text", s.rbmHidden(), count(s.rbmSamples()),
                s.rbmEpochs(), s.rbmLearningRate()), rbm);
        experiment = new ExperimentPanel(service, this::complete);
        addSection("labs.pretraining.dbn", prose("labs.pretraining.dbn.p1", shape(s), count(s.dbnPool()),
                        s.dbnEpochsPerLayer(), labelsText(s), count(s.testSamples())),
                prose("labs.pretraining.dbn.p2"), experiment, prose("labs.pretraining.dbn.p3"),
                prose("labs.pretraining.dbn.p4"));
        addTasks();
        addOpenLinks(spec(s));
        Anchor deep = new Anchor(Chapter.DEEP.route(), getTranslation("labs.pretraining.back.deep"));
        deep.setId("pretraining-deep");
        deep.getElement().setAttribute("router-link", true);
        addSection("labs.pretraining.back.title", prose("labs.pretraining.back.text"), deep);
    }

    private String labelsText(PretrainingProperties s) {
        List<String> parts = new ArrayList<>();
        s.fewLabels().forEach(n -> parts.add(count(n)));
        return String.join(" / ", parts);
    }

    private String shape(PretrainingProperties s) {
        List<String> sizes = new ArrayList<>(List.of("784"));
        s.dbnHidden().forEach(h -> sizes.add(String.valueOf(h)));
        sizes.add("10");
        return String.join("-", sizes);
    }

    private String count(long n) {
        return String.format(getLocale() == null ? Locale.ROOT : getLocale(), "%,d", n);
    }

    /** The experiment's network, to open in Build or Train. */
    static ModelSpec spec(PretrainingProperties s) {
        List<LayerSpec> layers = new ArrayList<>(List.of(new FlattenSpec()));
        s.dbnHidden().forEach(h -> {
            layers.add(new DenseSpec(h));
            layers.add(new SigmoidSpec());
        });
        layers.add(new DenseSpec(Mnist.CLASSES));
        return ModelSpec.of(Mnist.IMAGE_SHAPE, layers.toArray(LayerSpec[]::new));
    }
}
