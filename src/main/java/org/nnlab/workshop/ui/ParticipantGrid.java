package org.nnlab.workshop.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.function.ValueProvider;
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
    /** The text columns' widths, set from the texts shown (the browser measures no cell). */
    private final ParticipantGridWidths widths = new ParticipantGridWidths();
    /** The grid asks for at least this many rows at once (Vaadin's own page size). */
    static final int MIN_PAGE_SIZE = 50;
    /** All rows are sent at most this often (twice a second); single rows in between. */
    static final long FULL_REFRESH_NANOS = 500_000_000L;
    /** The time in nanoseconds (tests move it on by hand). */
    java.util.function.LongSupplier clock = System::nanoTime;
    /** When all rows were last sent. */
    private long lastFull = Long.MIN_VALUE / 2;
    /**
     * Newcomers are added at most this often (twice a second): every new row count makes the browser measure and
     * redraw each row it renders (all of them on a tall screen), so a class joining added them in a few batches
     * rather than one count per redraw.
     */
    static final long NEW_ROWS_NANOS = 500_000_000L;
    /** When newcomers were last added. */
    private long lastAppend = Long.MIN_VALUE / 2;
    /** The grid's row count as its data provider gives it: set again, it makes the grid count (and fetch) anew. */
    private final CallbackDataProvider.CountCallback<Row, Object> rowsInData = this::countRows;

    /**
     * @param maxParticipants the most people a room may have: the browser fetches the rows in one page of that
     *                        many (at least 50), not in many small pages as the grid scrolls or rows are added
     */
    ParticipantGrid(int maxParticipants, Consumer<Participant> rename, Consumer<Participant> remove) {
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
        grid.setPageSize(Math.max(MIN_PAGE_SIZE, maxParticipants));
        Grid.Column<Row> nickname = text(Row::nickname, "nickname", "nickname",
                Comparator.comparing(r -> r.nickname().toLowerCase(Locale.ROOT)));
        text(r -> getTranslation(r.activity().online() ? "workshop.grid.online" : "workshop.grid.offline"), "online",
                "presence", Comparator.comparing(r -> r.activity().online()));
        text(this::pageName, "page", "page", Comparator.comparing(this::pageName));
        text(r -> r.run() == null ? "" : getTranslation("workshop.run.state." + r.run().state().name().toLowerCase(Locale.ROOT)),
                "run", "run", Comparator.comparing(r -> r.run() == null ? "" : r.run().state().name()));
        text(r -> r.progress() < 0 ? "" : percent(r.progress(), 0), "progress", "progress", Comparator.comparingDouble(Row::progress));
        text(r -> r.accuracy() < 0 ? "" : percent(r.accuracy(), 1), "accuracy", "accuracy", Comparator.comparingDouble(Row::accuracy));
        text(r -> r.best() < 0 ? "" : percent(r.best(), 1), "best", "best", Comparator.comparingDouble(Row::best));
        text(r -> Integer.toString(r.drawings()), "drawings", "drawings", Comparator.comparingInt(Row::drawings));
        Grid.Column<Row> actions = grid.addColumn(actions(this, rename, remove)).setKey("actions")
                .setHeader(getTranslation("workshop.grid.actions")).setWidth(ParticipantGridWidths.ACTIONS_WIDTH).setFlexGrow(0);
        ParticipantGridWidths.freezeWhenNarrow(grid, nickname, actions);
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
     * The buttons are plain buttons with the labels as their titles and their icons drawn inline, not a
     * {@code vaadin-button}, {@code vaadin-tooltip} and {@code vaadin-icon} each: every new row count makes the browser
     * restyle, lay out and redraw every row it renders (on a projector, the whole class), and the components' own
     * shadow trees were most of each row.
     */
    /** A row button as Lumo's small tertiary-inline one looks, without a component of its own per button. */
    private static final String ACTION_BUTTON_STYLE = "border: none; background: none; cursor: pointer; padding: 0;"
            + " margin: 0 var(--lumo-space-xs); min-width: var(--lumo-size-xs); min-height: var(--lumo-size-xs);"
            + " color: var(--lumo-primary-text-color); border-radius: var(--lumo-border-radius-m); font: inherit;";
    private static final String ACTION_ICON_STYLE = "width: var(--lumo-icon-size-s); height: var(--lumo-icon-size-s);"
            + " vertical-align: middle; fill: currentColor;";
    /** Vaadin's "edit" and "close-small" icons (16 × 16), drawn inline: no {@code vaadin-icon} element per button. */
    private static final String EDIT_ICON = "M16 4c0 0 0-1-1-2s-1.9-1-1.9-1l-1.1 1.1v-2.1h-12v16h12v-8l4-4zM6.3 11.4l-0.6-0.6 0.3-1.1"
            + " 1.5 1.5-1.2 0.2zM7.2 9.5l-0.6-0.6 5.2-5.2c0.2 0.1 0.4 0.3 0.6 0.5zM14.1 2.5l-0.9 1c-0.2-0.2-0.4-0.3-0.6-0.5l0.9-0.9"
            + "c0.1 0.1 0.3 0.2 0.6 0.4zM11 15h-10v-14h10v2.1l-5.9 5.9-1.1 4.1 4.1-1.1 2.9-3v6z";
    private static final String CLOSE_ICON = "M12.96 4.46l-1.42-1.42-3.54 3.55-3.54-3.55-1.42 1.42 3.55 3.54-3.55 3.54 1.42"
            + " 1.42 3.54-3.55 3.54 3.55 1.42-1.42-3.55-3.54 3.55-3.54z";

    private static LitRenderer<Row> actions(ParticipantGrid grid, Consumer<Participant> rename, Consumer<Participant> remove) {
        return LitRenderer.<Row>of("""
                        <button id="rename-${item.id}" style="${BUTTON}" aria-label="${item.renameLabel}" title="${item.renameLabel}"
                            @click=${rename}><svg viewBox="0 0 16 16" style="${ICON}" aria-hidden="true"><path d="${EDIT}"></path></svg></button>
                        <button id="remove-${item.id}" style="${BUTTON} color: var(--lumo-error-text-color);" aria-label="${item.removeLabel}"
                            title="${item.removeLabel}" @click=${remove}><svg viewBox="0 0 16 16" style="${ICON}" aria-hidden="true"><path
                            d="${CLOSE}"></path></svg></button>"""
                        .replace("${BUTTON}", ACTION_BUTTON_STYLE).replace("${ICON}", ACTION_ICON_STYLE)
                        .replace("${EDIT}", EDIT_ICON).replace("${CLOSE}", CLOSE_ICON))
                .withProperty("id", r -> r.participant().id())
                .withProperty("renameLabel", r -> grid.getTranslation("workshop.grid.rename", r.nickname()))
                .withProperty("removeLabel", r -> grid.getTranslation("workshop.grid.remove", r.nickname()))
                .withFunction("rename", r -> rename.accept(r.participant()))
                .withFunction("remove", r -> remove.accept(r.participant()));
    }

    /**
     * Shows these rows (the room now), keeping the sort order, the filter and the scroll position. A row whose
     * values changed is sent alone ({@code refreshItem}), and so are newcomers while the grid shows the room in
     * its own order (unsorted, unfiltered): their rows are added after the others and only they travel, with
     * the new row count, at most every {@link #NEW_ROWS_NANOS}. People who left, or newcomers and changes while the rows are sorted or filtered, make
     * the grid send all its rows again; that happens at most every {@link #FULL_REFRESH_NANOS}: sooner, the rows
     * shown get their new values and the rest waits. Sending all rows again makes the instructor's browser
     * clear and redraw every row (its buttons included): a class joining kept that browser busy all the time and
     * the grid fell seconds behind.
     *
     * @return 0 when everything is shown, else the nanoseconds until {@code show} can send what waits (all rows,
     *         or the newcomers): call it again then with the room as it is
     */
    long show(List<Row> now) {
        boolean inOwnOrder = grid.getSortOrder().isEmpty() && matchesFilter(null);
        boolean appendOnly = inOwnOrder && now.size() >= rows.size() && sameParticipants(now.subList(0, rows.size()));
        boolean full = !appendOnly;
        boolean newcomers = appendOnly && now.size() > rows.size();
        long wait = full ? lastFull + FULL_REFRESH_NANOS - clock.getAsLong()
                : newcomers ? lastAppend + NEW_ROWS_NANOS - clock.getAsLong() : 0;
        boolean wider = false;
        if (full && wait <= 0) {
            rows.clear();
            rows.addAll(now);
            view.refreshAll();
            lastFull = clock.getAsLong();
            fitHeight();
            for (Row r : now) {
                wider |= widths.fit(r);
            }
        } else {
            java.util.Map<String, Row> byId = new java.util.HashMap<>();
            now.forEach(r -> byId.put(r.participant().id(), r));
            for (int i = 0; i < rows.size(); i++) {
                Row changed = byId.get(rows.get(i).participant().id());
                if (changed != null && !changed.equals(rows.get(i))) {
                    // a run's progress moves many times a second, its shown percent far less often: a row that
                    // would look the same is kept for sorting and counting but not sent (each row sent makes the
                    // browser lay out the whole grid once more)
                    boolean looksSame = widths.showsSame(changed, rows.get(i));
                    rows.set(i, changed);
                    if (!looksSame) {
                        view.refreshItem(changed);
                        wider |= widths.fit(changed);
                    }
                }
            }
            if (newcomers && wait <= 0) {
                List<Row> added = now.subList(rows.size(), now.size());
                rows.addAll(added);
                lastAppend = clock.getAsLong();
                // a new count makes the grid fetch just the rows past the old end; refreshAll would resend them all
                grid.getDataCommunicator().setCountCallback(rowsInData);
                fitHeight();
                for (Row r : added) {
                    wider |= widths.fit(r);
                }
            }
        }
        if (wider) {
            // a wider column may no longer leave room for the others: the browser checks whether to freeze
            ParticipantGridWidths.refit(grid);
        }
        long done = rows.stream().filter(Row::done).count();
        String doneText = getTranslation("workshop.grid.doneCount", done, rows.size());
        if (!doneText.equals(count.getText())) {
            // setText replaces the text node even when the text is the same: sent on every redraw otherwise
            count.setText(doneText);
        }
        return Math.max(0, wait);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int countRows(Query<Row, Object> query) {
        return ((DataProvider<Row, Object>) (DataProvider) grid.getDataProvider()).size(query);
    }

    /** Adds a sortable text column, as wide as its header or its widest text. */
    private Grid.Column<Row> text(ValueProvider<Row, String> text, String key, String headerKey, Comparator<Row> comparator) {
        String header = getTranslation("workshop.grid." + headerKey);
        Grid.Column<Row> column = grid.addColumn(text).setKey(key).setHeader(header).setComparator(comparator);
        widths.add(column, text, header);
        return column;
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

    /** Whether {@code now} has the people shown, in the same order. */
    private boolean sameParticipants(List<Row> now) {
        if (now.size() != rows.size()) {
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
