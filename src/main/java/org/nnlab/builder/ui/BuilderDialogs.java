package org.nnlab.builder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.component.upload.Upload;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.nnlab.base.ui.BoundedUpload;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.base.ui.SpecErrors;
import org.nnlab.builder.KerasExport;
import org.nnlab.builder.PytorchExport;
import org.nnlab.builder.SavedSpecService;
import org.nnlab.builder.SpecLinks;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.SpecLimits;
import org.nnlab.engine.text.Message;

/** The builder's dialogs: save, load, JSON export and import, share link and code export. */
final class BuilderDialogs {
    /** Largest spec file taken by the import dialog: a spec of hundreds of layers is a few tens of KB. */
    static final int SPEC_UPLOAD_BYTES = 256 * 1024;
    private final LayerBuilderView view;
    private final SavedSpecService saved;
    private final SpecLimits limits;

    BuilderDialogs(LayerBuilderView view, SavedSpecService saved, SpecLimits limits) {
        this.view = view;
        this.saved = saved;
        this.limits = limits;
    }

    private Dialog dialog(String titleKey, String id) {
        Dialog d = new Dialog();
        d.setHeaderTitle(view.getTranslation(titleKey));
        d.setId(id);
        d.addClassName("build-dialog");
        Button close = new Button(new Icon(VaadinIcon.CLOSE), e -> d.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        close.setAriaLabel(view.getTranslation("build.close"));
        d.getHeader().add(close);
        return d;
    }

    void openSave() {
        Dialog d = dialog("build.save.title", "build-save-dialog");
        TextField name = new TextField(view.getTranslation("build.save.name"));
        name.setId("build-save-name");
        name.setMaxLength(SavedSpecService.MAX_NAME);
        name.setWidthFull();
        Button ok = new Button(view.getTranslation("build.save"), e -> {
            try {
                saved.save(CurrentOwner.id(), name.getValue(), view.spec());
                view.showInfo(view.getTranslation("build.save.done", name.getValue().strip()));
                d.close();
            } catch (IllegalArgumentException ex) {
                PropertyEditors.invalid(name, Message.explain(ex));
            }
        });
        ok.setId("build-save-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(name);
        d.getFooter().add(ok);
        d.open();
        name.focus();
    }

    void openLoad() {
        Dialog d = dialog("build.load.title", "build-load-dialog");
        Div list = new Div();
        list.addClassName("build-saved-list");
        fillSaved(d, list);
        d.add(list);
        d.open();
    }

    private void fillSaved(Dialog d, Div list) {
        list.removeAll();
        List<SavedSpecService.Entry> entries = saved.list(CurrentOwner.id());
        if (entries.isEmpty()) {
            list.add(new Span(view.getTranslation("build.load.none")));
        }
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(view.getUI().map(ui -> ui.getLocale()).orElse(java.util.Locale.ENGLISH))
                .withZone(ZoneId.systemDefault());
        for (SavedSpecService.Entry entry : entries) {
            Button open = new Button(entry.name(), e -> {
                try {
                    saved.load(CurrentOwner.id(), entry.id()).ifPresent(view::change);
                    d.close();
                } catch (SpecException ex) {
                    view.showError(ex.explanation());
                }
            });
            open.addClassName("build-saved-open");
            Span when = new Span(time.format(entry.createdAt()));
            when.addClassName("build-saved-when");
            Button remove = new Button(new Icon(VaadinIcon.TRASH), e -> {
                saved.delete(CurrentOwner.id(), entry.id());
                fillSaved(d, list);
            });
            remove.setAriaLabel(view.getTranslation("build.load.delete", entry.name()));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            Div row = new Div(open, when, remove);
            row.addClassName("build-saved-row");
            list.add(row);
        }
    }

    void openExportJson() {
        Dialog d = dialog("build.json.export", "build-export-dialog");
        String json = view.spec().toJson();
        TextArea text = new TextArea();
        text.setId("build-export-text");
        text.setValue(json);
        text.setReadOnly(true);
        text.addClassName("build-code-area");
        d.add(text);
        d.getFooter().add(download(json, "network.json", "application/json"));
        d.open();
    }

    void openImportJson() {
        Dialog d = dialog("build.json.import", "build-import-dialog");
        TextArea text = new TextArea(view.getTranslation("build.json.paste"));
        text.setId("build-import-text");
        text.addClassName("build-code-area");
        text.setMaxLength(limits.maxJsonChars());
        Button ok = new Button(view.getTranslation("build.json.import"), e -> {
            if (importJson(text.getValue(), text)) {
                d.close();
            }
        });
        ok.setId("build-import-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Upload upload = new BoundedUpload(SPEC_UPLOAD_BYTES, (fileName, bytes) -> {
            text.setValue(new String(bytes, StandardCharsets.UTF_8));
            if (importJson(text.getValue(), text)) {
                d.close();
            }
        }, view::showError).createUpload();
        upload.setId("build-import-upload");
        upload.setAcceptedFileTypes("application/json", ".json");
        d.add(upload);
        d.add(text);
        d.getFooter().add(ok);
        d.open();
    }

    /**
     * Imports {@code json} when it is within the {@link SpecLimits}, reads and validates; otherwise shows why
     * on the field and changes nothing. Text over the length limit is refused before it is parsed.
     */
    boolean importJson(String json, TextArea field) {
        try {
            ModelSpec spec = SavedSpecService.parse(json, limits);
            view.change(spec);
            view.showInfo(view.getTranslation("build.json.imported"));
            return true;
        } catch (SpecException e) {
            PropertyEditors.invalid(field, SpecErrors.describe(e, view));
            return false;
        }
    }

    void openShare() {
        Dialog d = dialog("build.share.title", "build-share-dialog");
        String link = SpecLinks.link("build", view.spec());
        TextField url = new TextField(view.getTranslation("build.share.link"));
        url.setId("build-share-link");
        url.setValue(link);
        url.setReadOnly(true);
        url.setWidthFull();
        view.getUI().ifPresent(ui -> ui.getPage().fetchCurrentURL(current -> {
            String base = current.toString().replaceFirst("build(\\?.*)?$", "");
            url.setValue(base + link);
        }));
        Button copy = new Button(view.getTranslation("build.copy"), new Icon(VaadinIcon.COPY), e ->
                url.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", url.getValue()));
        Anchor open = new Anchor(link, view.getTranslation("build.share.open"));
        Span hint = new Span(view.getTranslation("build.share.hint"));
        hint.addClassName("build-hint");
        d.add(url, hint);
        d.getFooter().add(open, copy);
        d.setWidth("40rem");
        d.open();
    }

    void openCode() {
        Dialog d = dialog("build.code.title", "build-code-dialog");
        Span note = new Span(view.getTranslation("build.code.note"));
        note.addClassName("build-hint");
        String torch;
        String keras;
        try {
            torch = PytorchExport.script(view.spec());
            keras = KerasExport.script(view.spec());
        } catch (SpecException e) {
            view.showError(e.explanation());
            return;
        }
        Pre code = new Pre(torch);
        code.setId("build-code-text");
        code.addClassName("build-code");
        Tab torchTab = new Tab("PyTorch");
        Tab kerasTab = new Tab("Keras");
        Tabs tabs = new Tabs(torchTab, kerasTab);
        Div footer = new Div();
        Runnable showDownload = () -> {
            boolean isTorch = tabs.getSelectedTab() == torchTab;
            footer.removeAll();
            footer.add(download(isTorch ? torch : keras, isTorch ? "network_pytorch.py" : "network_keras.py", "text/x-python"));
        };
        tabs.addSelectedChangeListener(e -> {
            code.setText(tabs.getSelectedTab() == torchTab ? torch : keras);
            showDownload.run();
        });
        showDownload.run();
        Button copy = new Button(view.getTranslation("build.copy"), new Icon(VaadinIcon.COPY), e ->
                code.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText(this.textContent)"));
        d.add(note, tabs, code);
        d.getFooter().add(footer, copy);
        d.setWidth("56rem");
        d.open();
    }

    private Anchor download(String text, String fileName, String type) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(bytes), fileName, type, bytes.length)), view.getTranslation("build.download", fileName));
        a.getElement().setAttribute("download", true);
        return a;
    }
}
