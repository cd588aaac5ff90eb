package org.nnlab.training.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnlab.Requests;
import org.nnlab.KaribuSpringTest;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.engine.layer.Mode;
import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.SoftmaxSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.onnx.OnnxModel;
import org.nnlab.onnx.proto.Onnx.ModelProto;
import org.nnlab.onnx.proto.Onnx.StringStringEntryProto;
import org.nnlab.persistence.ModelStore;
import org.nnlab.persistence.ModelSummary;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Train's saved models with ONNX: an uploaded .onnx file becomes a model of ours (the real store and database),
 * it downloads as ONNX again, and a hostile or unmappable file is refused with a message and changes nothing.
 */
class SavedModelsOnnxTest extends KaribuSpringTest {
    @Autowired
    ModelStore models;

    @Test
    void uploadsAnOnnxFileAndDownloadsItAsOnnx() throws Exception {
        String owner = CurrentOwner.id();
        SavedModelsPanel panel = new SavedModelsPanel(models, owner);
        ModelSpec spec = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(16), new ReluSpec(),
                new DenseSpec(10), new SoftmaxSpec());
        Sequential teacher = Sequential.build(spec, new SplittableRandom(9));

        panel.uploaded("teacher.onnx", OnnxModel.toBytes(teacher, Map.of()));
        List<ModelSummary> rows = panel.grid.getGenericDataView().getItems().toList();
        assertEquals(List.of("teacher"), rows.stream().map(ModelSummary::name).toList());
        Sequential kept = models.load(owner, rows.getFirst().id()).orElseThrow();
        assertEquals(spec, kept.spec());
        Tensor x = Tensor.filled(spec.input().withBatch(2), 0.25f);
        assertArrayEquals(teacher.forward(x, Mode.INFER).data(), kept.forward(x, Mode.INFER).data());

        panel.grid.select(rows.getFirst());
        assertTrue(panel.downloadOnnx.isEnabled() && !panel.downloadOnnx.getHref().isEmpty());
        assertEquals("teacher.onnx", panel.downloadOnnx.getElement().getAttribute("download"));
        byte[] onnx = models.downloadOnnx(owner, rows.getFirst().id()).orElseThrow();
        assertTrue(ModelProto.parseFrom(onnx).getMetadataPropsList().contains(StringStringEntryProto.newBuilder()
                .setKey(OnnxModel.MODEL_NAME).setValue("teacher").build()));
        Sequential again = OnnxModel.fromBytes(onnx, ModelFileLimits.LENGTH_ONLY);
        assertArrayEquals(teacher.forward(x, Mode.INFER).data(), again.forward(x, Mode.INFER).data());
        assertTrue(models.downloadOnnx("someone-else", rows.getFirst().id()).isEmpty());
    }

    @Test
    void hostileOrUnmappableOnnxFilesChangeNothing() throws Exception {
        String owner = CurrentOwner.id();
        SavedModelsPanel panel = new SavedModelsPanel(models, owner);
        long before = panel.grid.getGenericDataView().getItems().count();

        Requests.handle(() -> panel.uploaded("garbage.onnx", new byte[] {0x08, (byte) 0x80, (byte) 0x80, 0x12, 0x7f, 0x00, 0x3a}));
        assertTrue(lastNotification().contains("not an ONNX model"), lastNotification());

        Sequential model = Sequential.build(ModelSpec.of(Shape.of(4), new DenseSpec(3), new ReluSpec()),
                new SplittableRandom(1));
        ModelProto.Builder b = ModelProto.parseFrom(OnnxModel.toBytes(model, Map.of())).toBuilder();
        b.getGraphBuilder().getNodeBuilder(1).setOpType("Celu");
        Requests.handle(() -> panel.uploaded("odd.onnx", b.build().toByteArray()));
        assertTrue(lastNotification().contains("Celu"), lastNotification());

        assertEquals(before, panel.grid.getGenericDataView().getItems().count());
        assertEquals(before, models.list(owner).size());
    }

    private static String lastNotification() {
        return NotificationsKt.getNotifications().getLast().getElement().getProperty("text", "");
    }
}
