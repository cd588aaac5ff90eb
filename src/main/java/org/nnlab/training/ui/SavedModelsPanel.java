package org.nnlab.training.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.nnlab.base.ui.BoundedUpload;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.text.Message;
import org.nnlab.persistence.ModelStore;
import org.nnlab.persistence.ModelSummary;

/** The owner's saved models: rename, delete, download, try in Draw, and upload a model file. */
class SavedModelsPanel extends VerticalLayout {
    private final ModelStore models;
    private final String owner;
    final Grid<ModelSummary> grid = new Grid<>();
    final TextField name = new TextField();
    final Button rename = new Button();
    final Button delete = new Button();
    final Button tryInDraw = new Button();
    final Anchor download = new Anchor();
    final Anchor downloadOnnx = new Anchor();
    final BoundedUpload uploads;
    final Upload upload;

    SavedModelsPanel(ModelStore models, String owner) {
        this.models = models;
        this.owner = owner;
        setId("saved-models");
        setPadding(false);
        grid.setId("saved-models-grid");
        grid.addColumn(ModelSummary::name).setHeader(getTranslation("train.models.name")).setFlexGrow(3);
        grid.addColumn(this::accuracy).setHeader(getTranslation("train.models.accuracy"));
        grid.addColumn(m -> String.format(Locale.ROOT, "%tF %<tR", m.createdAt().atZone(java.time.ZoneOffset.UTC)))
                .setHeader(getTranslation("train.models.created"));
        grid.addColumn(m -> String.format(Locale.ROOT, "%,d", m.parameters())).setHeader(getTranslation("train.models.parameters"));
        grid.addColumn(m -> getTranslation("train.models.source." + m.source())).setHeader(getTranslation("train.models.source"));
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> selected(e.getValue()));

        name.setId("saved-model-name");
        name.setMaxLength(ModelStore.MAX_NAME_LENGTH);
        rename.setId("rename-model");
        rename.setText(getTranslation("train.models.rename"));
        rename.addClickListener(e -> renameSelected());
        delete.setId("delete-model");
        delete.setText(getTranslation("train.models.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> deleteSelected());
        tryInDraw.setText(getTranslation("train.tryInDraw"));
        tryInDraw.addClickListener(e -> grid.asSingleSelect().getOptionalValue().ifPresent(m ->
                UI.getCurrent().navigate("draw", QueryParameters.of("model", m.id()))));
        download.setId("download-saved-model");
        download.setText(getTranslation("train.download"));
        downloadOnnx.setId("download-saved-model-onnx");
        downloadOnnx.setText(getTranslation("train.downloadOnnx"));

        uploads = new BoundedUpload(models.maxUploadBytes(), this::uploaded, text -> notify(text, true));
        upload = uploads.createUpload();
        upload.setId("upload-model");
        upload.setDropLabel(new com.vaadin.flow.component.html.Span(getTranslation("train.models.uploadNnmOrOnnx")));

        FlexLayout actions = new FlexLayout(name, rename, delete, tryInDraw, download, downloadOnnx);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        add(new H3(getTranslation("train.models.title")), grid, actions, upload);
        refresh();
    }

    void refresh() {
        grid.setItems(models.list(owner));
        selected(null);
    }

    private void selected(ModelSummary m) {
        boolean any = m != null;
        name.setValue(any ? m.name() : "");
        rename.setEnabled(any);
        delete.setEnabled(any);
        tryInDraw.setEnabled(any);
        download.setEnabled(any);
        downloadOnnx.setEnabled(any);
        if (any) {
            String id = m.id();
            String fileName = ModelStore.fileName(m);
            download.setHref(DownloadHandler.fromInputStream(event -> models.download(owner, id)
                    .map(bytes -> new DownloadResponse(new ByteArrayInputStream(bytes), fileName,
                            "application/octet-stream", bytes.length))
                    .orElse(DownloadResponse.error(404))));
            download.getElement().setAttribute("download", fileName);
            String onnxName = ModelStore.onnxFileName(m);
            downloadOnnx.setHref(DownloadHandler.fromInputStream(event -> models.downloadOnnx(owner, id)
                    .map(bytes -> new DownloadResponse(new ByteArrayInputStream(bytes), onnxName,
                            "application/octet-stream", bytes.length))
                    .orElse(DownloadResponse.error(404))));
            downloadOnnx.getElement().setAttribute("download", onnxName);
        } else {
            download.removeHref();
            downloadOnnx.removeHref();
        }
    }

    void renameSelected() {
        grid.asSingleSelect().getOptionalValue().ifPresent(m -> {
            models.rename(owner, m.id(), name.getValue());
            refresh();
        });
    }

    void deleteSelected() {
        grid.asSingleSelect().getOptionalValue().ifPresent(m -> {
            models.delete(owner, m.id());
            notify(getTranslation("train.models.deleted", m.name()), false);
            refresh();
        });
    }

    void uploaded(String fileName, byte[] bytes) {
        try {
            ModelSummary m = models.upload(owner, fileName, new ByteArrayInputStream(bytes));
            notify(getTranslation("train.models.uploaded", m.name()), false);
            refresh();
        } catch (IOException e) {
            notify(getTranslation("train.models.error.badFile", Message.explain(e)), true);
        }
    }

    private String accuracy(ModelSummary m) {
        try {
            if (Json.parse(m.metrics()) instanceof Map<?, ?> map && map.get("testAccuracy") instanceof Double a) {
                return String.format(Locale.ROOT, "%.2f %%", 100 * a);
            }
        } catch (RuntimeException ignored) {
            // metrics that do not parse show as unknown
        }
        return "–";
    }

    private void notify(String text, boolean error) {
        Notification n = Notification.show(text, 5000, Notification.Position.TOP_CENTER);
        if (error) {
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
