package org.nnlab.training.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.model.Pretraining;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SigmoidSpec;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.JobState;
import org.nnlab.training.TrainingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The Train page's layer-wise pretraining: offered for sigmoid stacks, shown live, then fine-tuning as usual. */
@Import(TrainingDashboardViewTest.FakeData.class)
class PretrainPanelTest extends KaribuSpringTest {
    private static final ModelSpec STACK = ModelSpec.of(Mnist.IMAGE_SHAPE, new FlattenSpec(), new DenseSpec(40),
            new SigmoidSpec(), new DenseSpec(20), new SigmoidSpec(), new DenseSpec(10));

    @Autowired
    TrainingService training;

    @AfterEach
    void stopMyJobs() {
        String owner = CurrentOwner.id();
        training.jobsOf(owner).stream().filter(j -> !j.isFinal()).forEach(j -> training.stop(owner, j.id()));
    }

    private TrainingDashboardView open() {
        UI.getCurrent().navigate("train");
        return _get(TrainingDashboardView.class);
    }

    @Test
    void aSigmoidStackPretrainsLayerByLayerWhileThePageWatchesThenFineTunes() throws Exception {
        TrainingDashboardView view = open();
        PretrainChoice choice = view.settings.pretrain;
        assertFalse(choice.pretrain.isEnabled(), "LeNet is no sigmoid stack");
        assertFalse(view.pretrain.isVisible());
        view.useCustomSpec(STACK);
        assertTrue(choice.pretrain.isEnabled());
        choice.pretrain.setValue(true);
        assertTrue(choice.epochs.isVisible());
        choice.epochs.setValue(3);
        view.settings.dataset.setValue(DataChoice.mnist(5000));
        view.settings.epochs.setValue(1);
        view.settings.start.click();

        String owner = CurrentOwner.id();
        training.pause(owner, view.current.id());
        long deadline = System.currentTimeMillis() + 120_000;
        while (!view.pretrain.status.getText().startsWith("Pretraining layer 1 of 2") && System.currentTimeMillis() < deadline) {
            training.step(owner, view.current.id());
            Thread.sleep(50);
            MockVaadin.clientRoundtrip(false);
        }
        assertTrue(view.pretrain.isVisible());
        assertTrue(view.pretrain.status.getText().startsWith("Pretraining layer 1 of 2 as an RBM (CD-1, no labels): epoch 1 of 3"),
                view.pretrain.status.getText());
        assertEquals(0, view.current.step(), "no fine-tuning while pretraining");
        assertTrue(view.pretrain.filters.getCount() == 36, "the bottom layer's first 36 units as pictures");

        training.resume(owner, view.current.id());
        while (!(view.current != null && view.current.isFinal()) && System.currentTimeMillis() < deadline) {
            MockVaadin.clientRoundtrip(false);
            Thread.sleep(20);
        }
        JobSnapshot end = view.current;
        assertEquals(JobState.FINISHED, end.state(), String.valueOf(end.message()));
        assertTrue(view.pretrain.isVisible());
        assertEquals("Pretrained 2 layers as RBMs; fine-tuning the whole network by backpropagation now.",
                view.pretrain.status.getText());
        assertEquals(20, view.pretrain.filters.getCount(), "the top layer's 20 units seen through the bottom one");
        List<?> series = (List<?>) ((Map<?, ?>) Json.parse(view.pretrain.error.getOption())).get("series");
        assertEquals(2, series.size(), "a reconstruction-error curve per layer");
        for (Object s : series) {
            assertFalse(((List<?>) ((Map<?, ?>) s).get("data")).isEmpty());
        }
        assertTrue(end.step() > 0, "then it fine-tuned");

        Pretraining record = ModelFile.contentsOf(training.modelFile(CurrentOwner.id(), end.id()), ModelFileLimits.LENGTH_ONLY)
                .pretraining();
        assertEquals(2, record.layers().size());
        assertEquals(3, record.layers().getFirst().epochs());

        view.useCustomSpec(ModelSpec.of(Mnist.IMAGE_SHAPE, new FlattenSpec(), new DenseSpec(10)));
        assertFalse(choice.pretrain.isEnabled());
        assertFalse(choice.pretrain.getValue(), "a network it does not fit turns the choice off");
    }
}
