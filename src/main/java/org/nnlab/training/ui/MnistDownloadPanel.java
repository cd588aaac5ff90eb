package org.nnlab.training.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.nnlab.datasets.FetchProgress;
import org.nnlab.training.MnistDownloads;

/**
 * Shown while MNIST is missing on the server: one button fetches it, everyone watching sees the progress,
 * and a failure shows which four files to put where. Calls {@code onReady} once the data is there.
 */
class MnistDownloadPanel extends Div {
    private final MnistDownloads downloads;
    private final Runnable onReady;
    final Button download = new Button();
    final ProgressBar bar = new ProgressBar();
    final Paragraph step = new Paragraph();
    final Pre failure = new Pre();
    private AutoCloseable subscription;

    MnistDownloadPanel(MnistDownloads downloads, Runnable onReady) {
        this.downloads = downloads;
        this.onReady = onReady;
        setId("mnist-download");
        addClassName("nnlab-notice");
        download.setText(getTranslation("train.mnist.download"));
        download.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        download.addClickListener(e -> downloads.start());
        failure.setVisible(false);
        bar.setVisible(false);
        add(new Paragraph(getTranslation("train.mnist.missing")), download, bar, step, failure);
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        show(downloads.status());
        subscription = downloads.subscribe(status -> {
            try {
                ui.access(() -> show(status));
            } catch (UIDetachedException gone) {
                // the page closed while the download went on; nothing to update
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void show(MnistDownloads.Status status) {
        download.setEnabled(!status.running());
        bar.setVisible(status.running());
        FetchProgress last = status.last();
        if (last != null) {
            bar.setIndeterminate(last.fraction() < 0);
            bar.setValue(Math.max(0, Math.min(1, last.fraction())));
            step.setText(getTranslation("train.mnist.stage." + last.stage().name().toLowerCase()));
        }
        failure.setVisible(status.failure() != null);
        if (status.failure() != null) {
            step.setText(getTranslation("train.mnist.failed"));
            failure.setText(status.failure());
        }
        if (!status.running() && status.failure() == null && last != null
                && last.stage() == FetchProgress.Stage.DONE) {
            setVisible(false);
            onReady.run();
        }
    }
}
