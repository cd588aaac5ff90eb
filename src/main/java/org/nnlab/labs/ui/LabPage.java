package org.nnlab.labs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import org.nnlab.base.ui.CurrentOwner;
import org.nnlab.builder.SpecLinks;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.labs.Chapter;
import org.nnlab.labs.LabProgress;

/**
 * The frame of every lab page: a link back to the index, the chapter's title and summary, then the
 * sections a lab adds (a short explanation with formulas, one interactive piece), its "try this" tasks
 * and links that open the lab's network in Build and Train. A lab calls {@link #complete(String)} when it
 * sees a task done; the mark is stored for this browser's owner and shown at once.
 */
@StyleSheet("context://labs/labs.css")
public abstract class LabPage extends VerticalLayout implements HasDynamicTitle {
    private final Chapter chapter;
    private final LabProgress progress;
    private final String owner;
    private final LabTasks tasks;
    private final Anchor openInBuild = new Anchor();
    private final Anchor openInTrain = new Anchor();

    protected LabPage(Chapter chapter, LabProgress progress) {
        this.chapter = chapter;
        this.progress = progress;
        this.owner = CurrentOwner.id();
        this.tasks = new LabTasks(chapter, progress.completed(owner, chapter));
        setId("lab-" + chapter.key());
        addClassName("nnlab-lab");
        Anchor back = new Anchor(Chapter.INDEX_ROUTE, getTranslation("labs.back"));
        back.setId("lab-back");
        back.getElement().setAttribute("router-link", true);
        Span minutes = new Span(getTranslation("labs.minutes", chapter.minutes()));
        minutes.addClassName("nnlab-lab-minutes");
        Paragraph summary = new Paragraph(getTranslation(chapter.summaryKey()));
        summary.addClassName("nnlab-lead");
        add(back, new H1(getTranslation(chapter.titleKey())), summary, minutes);
    }

    public Chapter chapter() {
        return chapter;
    }

    /** Adds a section headed by the text of {@code headingKey}; returns it for more content. */
    protected final Div addSection(String headingKey, Component... content) {
        Div section = new Div(new H2(getTranslation(headingKey)));
        section.add(content);
        section.addClassName("nnlab-lab-section");
        add(section);
        return section;
    }

    /** A paragraph of the text {@code key}, its {@code $…$} parts typeset (see {@link Prose}). */
    protected final Paragraph prose(String key, Object... args) {
        return Prose.paragraph(getTranslation(key, args));
    }

    /** A displayed formula. */
    protected static NnMath formula(String tex) {
        return new NnMath(tex, true);
    }

    /** Adds the "try this" section with the chapter's tasks. */
    protected final void addTasks() {
        addSection("labs.tasks", tasks);
    }

    /**
     * Adds the links that open {@code spec} in the builder and the training page (the builder's own
     * "Train this" path: the spec travels in the link); {@link #setOpenSpec} changes it later.
     */
    protected final void addOpenLinks(ModelSpec spec) {
        openInBuild.setId("lab-open-build");
        openInBuild.add(VaadinIcon.CUBES.create(), new Span(getTranslation("labs.open.build")));
        openInTrain.setId("lab-open-train");
        openInTrain.add(VaadinIcon.LINE_CHART.create(), new Span(getTranslation("labs.open.train")));
        Div links = new Div(openInBuild, openInTrain);
        links.addClassName("nnlab-lab-links");
        setOpenSpec(spec);
        addSection("labs.open", links);
    }

    protected final void setOpenSpec(ModelSpec spec) {
        openInBuild.setHref(SpecLinks.link("build", spec));
        openInTrain.setHref(SpecLinks.link("train", spec));
    }

    /**
     * Marks {@code task} done for this browser's owner, stored at once; the first time it also says so.
     * Returns true if the task was not done before.
     */
    protected final boolean complete(String task) {
        boolean first = progress.complete(owner, chapter, task);
        tasks.markDone(task);
        if (first) {
            Notification.show(getTranslation("labs.task.done", getTranslation(chapter.taskKey(task))), 3000,
                    Notification.Position.BOTTOM_END);
        }
        return first;
    }

    public boolean isTaskDone(String task) {
        return tasks.isDone(task);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(chapter.titleKey()) + " · " + getTranslation("app.name");
    }
}
