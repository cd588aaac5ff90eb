package org.nnlab.workshop.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.function.ValueProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The participant grid's column widths and frozen columns, chosen so that the instructor's browser never has to
 * measure the grid's cells.
 * <p>
 * Each text column is as wide as its header or the widest text it has shown, estimated here from the text
 * ({@link #em}); a column widens (on the server, one property) only when a wider text comes. Auto-width columns
 * made the browser lay out every rendered cell of each column to measure it, on every new row count and every
 * wider text: half a second to most of a second of the page's main thread per phase of a class of 100 (crowd
 * bench profile). The nickname and action columns are frozen only while the columns do not fit the grid's width
 * (a phone), the nickname only while it leaves the other columns room to be read: frozen cells are moved by a
 * transform each and make the browser restyle and repaint them on every
 * change of the rows, the largest cost of the page while a class joined (1.2–2.4 s per phase). Whether they fit is
 * decided in the browser, where the real widths are, when the grid's width or a column's width changes. The texts
 * also tell whether a changed row would look any different ({@link #showsSame}).
 */
final class ParticipantGridWidths {
    /**
     * The rename and remove buttons: two buttons of Lumo's extra-small size with their margins, the space between
     * them and the padding, 104.5 px in headless Chromium (6.5rem cut the remove button to an ellipsis). 7.5rem left
     * 15 px unused, enough to make the columns overflow a 1400 px window's grid by one pixel.
     */
    static final String ACTIONS_WIDTH = "6.75rem";
    /** A cell's padding left and right (Lumo: {@code --lumo-space-m} each), in rem. */
    private static final double CELL_PADDING = 2;
    /** A sortable header's sort indicator beside its text, in rem. */
    private static final double SORTER = 1.25;
    /** Header text is a little smaller than a cell's (Lumo's header font size). */
    private static final double HEADER_SCALE = 0.9;

    private static final class TextColumn {
        final Grid.Column<ParticipantGrid.Row> column;
        final ValueProvider<ParticipantGrid.Row, String> text;
        double widest;

        TextColumn(Grid.Column<ParticipantGrid.Row> column, ValueProvider<ParticipantGrid.Row, String> text, double widest) {
            this.column = column;
            this.text = text;
            this.widest = widest;
        }
    }

    private final List<TextColumn> columns = new ArrayList<>();

    /** Sizes a sortable text column to its header; {@link #fit} widens it to its texts. */
    void add(Grid.Column<ParticipantGrid.Row> column, ValueProvider<ParticipantGrid.Row, String> text, String header) {
        double fitsHeader = em(header) * HEADER_SCALE + SORTER;
        columns.add(new TextColumn(column, text, fitsHeader));
        column.setWidth(width(fitsHeader));
    }

    /** Widens the columns whose text of {@code row} is wider than any they have shown; whether one was. */
    boolean fit(ParticipantGrid.Row row) {
        boolean wider = false;
        for (TextColumn c : columns) {
            double w = em(c.text.apply(row));
            if (w > c.widest) {
                String before = width(c.widest);
                c.widest = w;
                String now = width(w);
                if (!now.equals(before)) {
                    c.column.setWidth(now);
                    wider = true;
                }
            }
        }
        return wider;
    }

    /**
     * Whether the two rows look the same in the grid: every text column's text and the row's participant (whose
     * id the row's buttons carry) are the same.
     */
    boolean showsSame(ParticipantGrid.Row a, ParticipantGrid.Row b) {
        if (!a.participant().id().equals(b.participant().id())) {
            return false;
        }
        for (TextColumn c : columns) {
            if (!c.text.apply(a).equals(c.text.apply(b))) {
                return false;
            }
        }
        return true;
    }

    /** The width of a column whose widest content is {@code em} wide: the padding added, rounded up to a quarter rem. */
    static String width(double em) {
        return String.format(Locale.ROOT, "%.2frem", Math.ceil((em + CELL_PADDING) * 4) / 4);
    }

    /**
     * A text's width in em, estimated a little generously for Lumo's system font: an ideograph (or other wide
     * character) 1, a capital, m, w or % 0.75, anything else 0.56.
     */
    static double em(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            w += c >= 0x2E80 ? 1 : Character.isUpperCase(c) || c == 'm' || c == 'w' || c == '%' ? 0.75 : 0.56;
        }
        return w;
    }

    /**
     * Freezes {@code last} (to the end) while the columns are wider than the grid, and {@code first} (to the start)
     * too while the two leave the grid room for the widest other column's text; unfreezes them when the columns
     * fit. A long nickname frozen beside the actions once covered a phone's whole grid (252 + 120 px of 341), and
     * the columns between could not be scrolled into view. Checked in the browser whenever the grid's width changes
     * and when {@link #refit} says a column's width did; the widths are the columns' own (set here, in rem). Runs
     * each time the grid is attached.
     */
    static void freezeWhenNarrow(Grid<?> grid, Grid.Column<?> first, Grid.Column<?> last) {
        grid.addAttachListener(e -> grid.getElement().executeJs("""
                const grid = this, first = $0, last = $1, padding = $2;
                let width = -1, queued = false;
                const fit = () => {
                  queued = false;
                  const table = grid.$ && grid.$.table;
                  if (!table || !table.clientWidth) return;
                  // any whole pixel: Chromium draws a scroll bar for one (its test is this one), and a scroll bar
                  // under columns taken as fitting scrolled one pixel and looked broken
                  const narrow = table.scrollWidth > table.clientWidth;
                  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
                  const px = c => parseFloat(c.width) * (String(c.width).endsWith('rem') ? rem : 1);
                  const others = Array.from(grid.querySelectorAll('vaadin-grid-column')).filter(c => c !== first && c !== last);
                  const widestText = Math.max(0, ...others.map(px)) - padding * rem;
                  const keepFirst = narrow && table.clientWidth - px(first) - px(last) >= widestText;
                  if (first.frozen !== keepFirst) first.frozen = keepFirst;
                  if (last.frozenToEnd !== narrow) last.frozenToEnd = narrow;
                };
                grid.__nnlabFitFrozen = () => { if (!queued) { queued = true; requestAnimationFrame(fit); } };
                if (grid.__nnlabWidthObserver) grid.__nnlabWidthObserver.disconnect();
                grid.__nnlabWidthObserver = new ResizeObserver(entries => {
                  const w = entries[entries.length - 1].contentRect.width;
                  if (w !== width) { width = w; grid.__nnlabFitFrozen(); }
                });
                grid.__nnlabWidthObserver.observe(grid);""", first.getElement(), last.getElement(), CELL_PADDING));
    }

    /** Has the browser check again whether the columns fit, after {@link #fit} widened one. */
    static void refit(Grid<?> grid) {
        grid.getElement().executeJs("this.__nnlabFitFrozen && this.__nnlabFitFrozen()");
    }
}
