package org.nnlab.builder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The palette for a phone, where a palette column beside the stack does not fit: an "add layer" button
 * (shown by the style sheet on narrow screens only) opens the kinds in a sheet, and choosing one closes it.
 * The view listens to {@link #palette()} as to the page's palette.
 */
final class PaletteSheet extends Dialog {
    private final LayerPalette palette = new LayerPalette("build-sheet", false);
    private final Button open;

    PaletteSheet() {
        setId("build-sheet");
        addClassName("build-sheet");
        setHeaderTitle(getTranslation("build.addLayer"));
        Button close = new Button(new Icon(VaadinIcon.CLOSE), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        close.setAriaLabel(getTranslation("build.close"));
        getHeader().add(close);
        add(palette);
        palette.addKindChosenListener(e -> close());
        open = new Button(getTranslation("build.addLayer"), new Icon(VaadinIcon.PLUS), e -> open());
        open.setId("build-add-layer");
        open.addClassName("build-add-layer");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    }

    LayerPalette palette() {
        return palette;
    }

    /** The button that opens the sheet, to place above the stack. */
    Button openButton() {
        return open;
    }
}
