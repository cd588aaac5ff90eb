package org.nnlab.labs.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.nnlab.labs.Chapter;

/**
 * The "try this" list of a lab: one line per task of its chapter (id {@code lab-task-<task>}), with an
 * open circle that turns into a check mark (class {@code done}) when the page has seen the task done.
 */
public class LabTasks extends Div {
    private final Chapter chapter;
    private final Map<String, ListItem> rows = new LinkedHashMap<>();

    LabTasks(Chapter chapter, Set<String> done) {
        this.chapter = chapter;
        setId("lab-tasks");
        addClassName("nnlab-lab-tasks");
        UnorderedList list = new UnorderedList();
        for (String task : chapter.tasks()) {
            ListItem row = new ListItem();
            row.setId("lab-task-" + task);
            rows.put(task, row);
            list.add(row);
            show(task, done.contains(task));
        }
        add(list);
    }

    /** Shows {@code task} as done. */
    void markDone(String task) {
        show(task, true);
    }

    public boolean isDone(String task) {
        ListItem row = rows.get(task);
        return row != null && row.hasClassName("done");
    }

    private void show(String task, boolean done) {
        ListItem row = rows.get(task);
        Icon mark = (done ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.CIRCLE_THIN).create();
        mark.addClassName("nnlab-task-mark");
        Span text = new Span(getTranslation(chapter.taskKey(task)));
        row.removeAll();
        row.add(mark, text);
        row.setClassName("done", done);
    }
}
