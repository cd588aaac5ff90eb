package org.nnlab.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.function.Consumer;
import org.nnlab.persistence.ModelStore;
import org.nnlab.persistence.ModelSummary;
import org.nnlab.training.JobSnapshot;
import org.nnlab.training.SavedRuns;
import org.nnlab.training.TrainingRefusedException;
import org.nnlab.training.TrainingService;

/** What can be done with a finished run: save it under a name, download its model file, try it in Draw. */
class EndActions extends FlexLayout {
    private final TrainingService training;
    private final SavedRuns savedRuns;
    private final String owner;
    private final Consumer<ModelSummary> onSaved;
    final TextField modelName = new TextField();
    final Button save = new Button();
    final Button tryInDraw = new Button();
    final Anchor download = new Anchor();
    private JobSnapshot run;
    private String savedModelId;

    EndActions(TrainingService training, SavedRuns savedRuns, String owner, Consumer<ModelSummary> onSaved) {
        this.training = training;
        this.savedRuns = savedRuns;
        this.owner = owner;
        this.onSaved = onSaved;
        setId("end-actions");
        modelName.setId("model-name");
        modelName.setPlaceholder(getTranslation("train.save.name"));
        modelName.setMaxLength(ModelStore.MAX_NAME_LENGTH);
        save.setId("save-model");
        save.setText(getTranslation("train.save"));
        save.addClickListener(e -> save());
        tryInDraw.setId("try-in-draw");
        tryInDraw.setText(getTranslation("train.tryInDraw"));
        tryInDraw.addClickListener(e -> tryInDraw());
        download.setId("download-model");
        download.setText(getTranslation("train.download"));
        add(modelName, save, tryInDraw, download);
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("gap", "var(--lumo-space-m)");
        hide();
    }

    /** Offers the actions for a run that has ended with a model; hidden when it built none. */
    void offer(JobSnapshot s) {
        byte[] file;
        try {
            file = training.modelFile(owner, s.id());
        } catch (TrainingRefusedException noModel) {
            hide();
            return;
        }
        run = s;
        setVisible(true);
        if (modelName.isEmpty()) {
            modelName.setValue(getTranslation("train.network." + s.networkName()) + " "
                    + String.format(Locale.ROOT, "%tF %<tR", LocalDateTime.now()));
        }
        String fileName = s.networkName() + "-" + s.id().value().substring(0, 8) + ".nnm";
        download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(file), fileName, "application/octet-stream", file.length)));
        download.getElement().setAttribute("download", fileName);
    }

    /** No run to act on (a new one starts). */
    void hide() {
        run = null;
        savedModelId = null;
        setVisible(false);
        tryInDraw.setEnabled(false);
        save.setEnabled(true);
    }

    void save() {
        if (run == null) {
            return;
        }
        ModelSummary saved = savedRuns.save(owner, run.id(), modelName.getValue());
        savedModelId = saved.id();
        tryInDraw.setEnabled(true);
        save.setEnabled(false);
        Notification.show(getTranslation("train.saved", saved.name()), 5000, Notification.Position.TOP_CENTER);
        onSaved.accept(saved);
    }

    String savedModelId() {
        return savedModelId;
    }

    private void tryInDraw() {
        if (savedModelId != null) {
            UI.getCurrent().navigate("draw", QueryParameters.of("model", savedModelId));
        }
    }
}
