package org.nnlab.workshop.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.ParticipantResult;
import org.nnlab.workshop.RoomActivity;
import org.nnlab.workshop.RunStatus;

/**
 * The instructor's live list of participants: nickname, online or not and on which page, their current run
 * (state, progress, accuracy), best result and drawings contributed; sortable by each column, filtered by
 * nickname, with a count of those who have finished a run, and rename and remove on each row.
 */
class ParticipantGrid extends VerticalLayout {
    /** One participant as the grid shows them. */
    record Row(Participant participant, RoomActivity.Activity activity, RunStatus run, ParticipantResult result,
               int drawings) {
        String nickname() {
            return participant.nickname();
        }

        double progress() {
            return run == null ? -1 : run.progress();
        }

        double accuracy() {
            return run == null || Double.isNaN(run.accuracy()) ? -1 : run.accuracy();
        }

        double best() {
            return result == null || !result.hasResult() ? -1 : result.bestAccuracy();
        }

        boolean done() {
            return result != null && result.runsFinished() > 0;
        }
    }

    /** Up to this many participants, the grid shows them all without a scroll bar of its own. */
    static final int ROWS_SHOWN_WHOLE = 10;
    final Grid<Row> grid = new Grid<>();
    final TextField filter = new TextField();
    final Span count = new Span();
    private final List<Row> rows = new ArrayList<>();
    private final GridListDataView<Row> view;

    ParticipantGrid(Consumer<Participant> rename, Consumer<Participant> remove) {
        setPadding(false);
        filter.setId("participant-filter");
        filter.setPlaceholder(getTranslation("workshop.grid.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        count.setId("room-done-count");
        HorizontalLayout top = new HorizontalLayout(filter, count);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWrap(true);

        grid.setId("participant-grid");
        grid.addColumn(Row::nickname).setKey("nickname").setHeader(getTranslation("workshop.grid.nickname"))
                .setComparator(Comparator.comparing(r -> r.nickname().toLowerCase(Locale.ROOT))).setAutoWidth(true).setFrozen(true);
        grid.addColumn(r -> getTranslation(r.activity().online() ? "workshop.grid.online" : "workshop.grid.offline"))
                .setKey("online").setHeader(getTranslation("workshop.grid.presence"))
                .setComparator(Comparator.comparing(r -> r.activity().online())).setAutoWidth(true);
        grid.addColumn(this::pageName).setKey("page").setHeader(getTranslation("workshop.grid.page"))
                .setComparator(Comparator.comparing(this::pageName)).setAutoWidth(true);
        grid.addColumn(r -> r.run() == null ? "" : getTranslation("workshop.run.state." + r.run().state().name().toLowerCase(Locale.ROOT)))
                .setKey("run").setHeader(getTranslation("workshop.grid.run"))
                .setComparator(Comparator.comparing(r -> r.run() == null ? "" : r.run().state().name())).setAutoWidth(true);
        grid.addColumn(r -> r.progress() < 0 ? "" : percent(r.progress(), 0)).setKey("progress")
                .setHeader(getTranslation("workshop.grid.progress")).setComparator(Comparator.comparingDouble(Row::progress)).setAutoWidth(true);
        grid.addColumn(r -> r.accuracy() < 0 ? "" : percent(r.accuracy(), 1)).setKey("accuracy")
                .setHeader(getTranslation("workshop.grid.accuracy")).setComparator(Comparator.comparingDouble(Row::accuracy)).setAutoWidth(true);
        grid.addColumn(r -> r.best() < 0 ? "" : percent(r.best(), 1)).setKey("best")
                .setHeader(getTranslation("workshop.grid.best")).setComparator(Comparator.comparingDouble(Row::best)).setAutoWidth(true);
        grid.addColumn(Row::drawings).setKey("drawings").setHeader(getTranslation("workshop.grid.drawings"))
                .setComparator(Comparator.comparingInt(Row::drawings)).setAutoWidth(true);
        grid.addColumn(actions(this, rename, remove)).setKey("actions")
                .setHeader(getTranslation("workshop.grid.actions")).setAutoWidth(true).setFrozenToEnd(true);
        view = grid.setItems(rows);
        view.setIdentifierProvider(r -> r.participant().id());
        view.setFilter(this::matchesFilter);
        grid.setEmptyStateText(getTranslation("workshop.grid.empty"));
        grid.setWidthFull();
        fitHeight();
        add(top, grid);
    }

    /**
     * Rename and remove on each row, drawn in the browser from a template: a refreshed row then costs its few
     * values (id and labels), not a new set of server-side buttons. With server-side components, every change of a
     * row (a drawing, a run's progress) rebuilt its buttons and sent them again, about 7 KB a row, and a class
     * joining sent every row's buttons on each redraw; the instructor's browser fell seconds behind those frames.
     */
    private static LitRenderer<Row> actions(ParticipantGrid grid, Consumer<Participant> rename, Consumer<Participant> remove) {
        return LitRenderer.<Row>of("""
                        <vaadin-button id="rename-${item.id}" theme="tertiary-inline small" aria-label="${item.renameLabel}"
                            @click=${rename}><vaadin-icon icon="vaadin:edit"></vaadin-icon>
                          <vaadin-tooltip slot="tooltip" text="${item.renameLabel}"></vaadin-tooltip></vaadin-button>
                        <vaadin-button id="remove-${item.id}" theme="tertiary-inline small error" aria-label="${item.removeLabel}"
                            @click=${remove}><vaadin-icon icon="vaadin:close-small"></vaadin-icon>
                          <vaadin-tooltip slot="tooltip" text="${item.removeLabel}"></vaadin-tooltip></vaadin-button>""")
                .withProperty("id", r -> r.participant().id())
                .withProperty("renameLabel", r -> grid.getTranslation("workshop.grid.rename", r.nickname()))
                .withProperty("removeLabel", r -> grid.getTranslation("workshop.grid.remove", r.nickname()))
                .withFunction("rename", r -> rename.accept(r.participant()))
                .withFunction("remove", r -> remove.accept(r.participant()));
    }

    /**
     * Shows these rows (the room now), keeping the sort order, the filter and the scroll position. When the same
     * people are there in the same order (perhaps with newcomers after them) and the rows are neither sorted nor
     * filtered, only the rows that changed or are new are sent: a class of 100 whose runs report progress several times a second would otherwise have
     * every row, with its buttons, rebuilt and pushed on each report.
     */
    void show(List<Row> now) {
        if (!sameParticipants(now) || !grid.getSortOrder().isEmpty() || !matchesFilter(null)) {
            rows.clear();
            rows.addAll(now);
            view.refreshAll();
            fitHeight();
            grid.recalculateColumnWidths();
        } else {
            int known = rows.size();
            boolean pageChanged = false;
            for (int i = 0; i < known; i++) {
                if (!now.get(i).equals(rows.get(i))) {
                    pageChanged |= !pageName(now.get(i)).equals(pageName(rows.get(i)));
                    rows.set(i, now.get(i));
                    view.refreshItem(now.get(i));
                }
            }
            if (now.size() > known) {
                // people who joined since: only their rows are new (a full refresh would rebuild everyone's buttons)
                view.addItems(now.subList(known, now.size()));
                fitHeight();
                pageChanged = true;
            }
            if (pageChanged) {
                // column widths fit the cells of the first rendering; a longer page name ("手写识别" under "页面")
                // would otherwise show cut
                grid.recalculateColumnWidths();
            }
        }
        long done = rows.stream().filter(Row::done).count();
        count.setText(getTranslation("workshop.grid.doneCount", done, rows.size()));
    }

    /**
     * A short grid, as tall as its rows (just the header and a line saying nobody has joined when empty, not a
     * tall empty box on a phone), until there are more rows than fit in a screenful; then it scrolls.
     */
    private void fitHeight() {
        boolean few = rows.size() <= ROWS_SHOWN_WHOLE;
        grid.setAllRowsVisible(few);
        grid.setHeight(few ? null : "28rem");
    }

    /** The page the participant was last on, by its name in the instructor's language. */
    private String pageName(Row row) {
        String route = row.activity().page();
        return route == null || route.isEmpty() && !row.activity().online() ? "" : PageNames.key(route).map(this::getTranslation).orElse(route);
    }

    /** Whether {@code now} starts with the people shown, in the same order (those who joined since come last). */
    private boolean sameParticipants(List<Row> now) {
        if (now.size() < rows.size() || rows.isEmpty()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!now.get(i).participant().id().equals(rows.get(i).participant().id())) {
                return false;
            }
        }
        return true;
    }

    /** Whether the filter lets the row through; with no row, whether the filter is empty. */
    private boolean matchesFilter(Row row) {
        String text = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(Locale.ROOT);
        return row == null ? text.isEmpty() : row.nickname().toLowerCase(Locale.ROOT).contains(text);
    }

    private String percent(double value, int decimals) {
        return String.format(getLocale() == null ? Locale.ROOT : getLocale(), "%." + decimals + "f %%", value * 100);
    }
}
