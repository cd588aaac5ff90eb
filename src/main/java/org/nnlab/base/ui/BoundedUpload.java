package org.nnlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Receives one uploaded file of at most {@code maxBytes}, reading the request as a stream and stopping one
 * byte past the limit, so a request of any size (whatever its Content-Length says, or without one) costs
 * at most about twice {@code maxBytes} of memory (the bytes read, then one array of them). A file over the limit, refused here or already by the
 * browser, is reported to the user in one sentence with its size and the limit.
 * <p>
 * Threading: the handler runs on the request thread; both callbacks run in {@code UI.access}.
 */
public final class BoundedUpload implements UploadHandler {
    private static final long MB = 1024 * 1024;
    private final int maxBytes;
    private final BiConsumer<String, byte[]> received;
    private final Consumer<String> refused;

    /**
     * @param received gets the file name and its content
     * @param refused  gets a translated sentence saying why the file was not taken
     */
    public BoundedUpload(int maxBytes, BiConsumer<String, byte[]> received, Consumer<String> refused) {
        if (maxBytes < 1 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an upload limit must be 1 to " + (Integer.MAX_VALUE - 1)
                    + " bytes, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.received = received;
        this.refused = refused;
    }

    /**
     * An {@link Upload} for one file using this handler, in the page's language (Vaadin's own button and
     * drop texts are English otherwise), which also reports files the browser refuses for size.
     */
    public Upload createUpload() {
        Upload upload = new Upload(this);
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(upload.getTranslation("train.upload.addOne"))
                        .setMany(upload.getTranslation("train.upload.addMany")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(upload.getTranslation("train.upload.dropOne"))
                        .setMany(upload.getTranslation("train.upload.dropMany")))
                .setError(new UploadI18N.Error().setTooManyFiles(upload.getTranslation("train.upload.tooMany"))
                        .setFileIsTooBig(upload.getTranslation("train.upload.tooBig"))
                        .setIncorrectFileType(upload.getTranslation("train.upload.wrongType"))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(maxBytes);
        upload.getElement().addEventListener("file-reject", e -> {
            double size = e.getEventData().path("event.detail.file.size").asDouble(-1);
            if (size > maxBytes) {
                refused.accept(tooLarge(upload.getUI().orElseGet(UI::getCurrent), (long) size));
            }
        }).addEventData("event.detail.file.size");
        return upload;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        long declared = event.getFileSize();
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            String sentence = tooLarge(ui, declared > maxBytes ? declared : -1);
            event.reject(sentence);
            ui.access(() -> refused.accept(sentence));
            return;
        }
        String name = event.getFileName();
        ui.access(() -> received.accept(name, bytes));
    }

    /** "The file is 40 MB; the limit is 32 MB." ({@code size} negative when unknown), in the UI's language. */
    String tooLarge(UI ui, long size) {
        return size < 0 ? ui.getTranslation("upload.tooLargeUnknown", readable(maxBytes))
                : ui.getTranslation("upload.tooLarge", readable(size), readable(maxBytes));
    }

    /** Whole MB (rounded up, so a file just over the limit never reads as the limit) or KB below 1 MB. */
    static String readable(long bytes) {
        return bytes >= MB ? String.format(Locale.ROOT, "%d MB", (bytes + MB - 1) / MB)
                : String.format(Locale.ROOT, "%d KB", (bytes + 1023) / 1024);
    }
}
