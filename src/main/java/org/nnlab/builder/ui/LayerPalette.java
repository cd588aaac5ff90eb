package org.nnlab.builder.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.EffectAllowed;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.builder.Specs;
import org.nnlab.engine.spec.LayerKind;
import org.nnlab.engine.spec.LayerKinds;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.Shape;

/**
 * Every layer kind the engine lists, grouped by the inputs its starting spec takes (any, flat, image,
 * sequence), each with an add button and draggable into the stack. Kinds that do not take the shape at
 * the insertion point are dimmed. Ids start with {@code idPrefix} ("build" for the page's palette), so a
 * second palette (the phone's sheet) can live beside it.
 */
final class LayerPalette extends Div {
    /** Inputs of each rank the palette tries every kind's starting spec on, to group and label it. */
    private static final Map<String, Shape> PROBES = Map.of("flat", Shape.of(16), "image", Shape.of(3, 12, 12),
            "sequence", Shape.of(10, 8));
    private static final List<String> GROUPS = List.of("any", "flat", "image", "sequence", "other");

    private final Map<LayerKind, Div> items = new LinkedHashMap<>();
    private final Map<LayerKind, LayerSpec> starts = new LinkedHashMap<>();

    /** A kind's add button was pressed. */
    static final class KindChosen extends ComponentEvent<LayerPalette> {
        private final LayerKind kind;

        KindChosen(LayerPalette source, LayerKind kind) {
            super(source, true);
            this.kind = kind;
        }

        LayerKind kind() {
            return kind;
        }
    }

    LayerPalette(String idPrefix, boolean draggable) {
        addClassName("build-palette");
        setId(idPrefix + "-palette");
        H3 title = new H3(getTranslation("build.palette"));
        Span hint = new Span(getTranslation(draggable ? "build.palette.hint" : "build.palette.sheetHint"));
        hint.addClassName("build-hint");
        add(title, hint);
        Map<String, List<LayerKind>> groups = new LinkedHashMap<>();
        GROUPS.forEach(g -> groups.put(g, new ArrayList<>()));
        for (LayerKind kind : LayerKinds.all()) {
            starts.put(kind, Specs.defaultOf(kind));
            groups.get(group(kind)).add(kind);
        }
        groups.forEach((group, kinds) -> {
            if (!kinds.isEmpty()) {
                Span heading = new Span(getTranslation("build.group." + group));
                heading.addClassName("build-palette-group");
                add(heading);
                kinds.forEach(kind -> add(item(kind, idPrefix, draggable)));
            }
        });
    }

    Registration addKindChosenListener(ComponentEventListener<KindChosen> listener) {
        return addListener(KindChosen.class, listener);
    }

    private Div item(LayerKind kind, String idPrefix, boolean draggable) {
        String label = BuildTexts.kind(kind.name());
        Span name = new Span(label);
        name.addClassName("build-palette-name");
        Button add = new Button(new Icon(VaadinIcon.PLUS), e -> fireEvent(new KindChosen(this, kind)));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        String addText = getTranslation("build.palette.add", label);
        add.setAriaLabel(addText);
        add.setTooltipText(addText);
        add.setId(idPrefix + "-add-" + kind.name());
        Div item = new Div(new Icon(VaadinIcon.GRID_SMALL), name, add);
        item.addClassName("build-palette-item");
        item.setId(idPrefix + "-palette-" + kind.name());
        item.getElement().setAttribute("data-kind", kind.name());
        item.getElement().setAttribute("title", BuildTexts.optional("build.kind." + kind.name() + ".help", label));
        if (draggable) {
            DragSource<Div> source = DragSource.create(item);
            source.setDragData(kind);
            source.setEffectAllowed(EffectAllowed.COPY_MOVE);
        }
        items.put(kind, item);
        return item;
    }

    /** Dims the kinds whose starting spec does not take {@code at} (nothing is dimmed when it is null). */
    void markMisfits(Shape at) {
        items.forEach((kind, item) -> item.setClassName("build-palette-misfit", at != null && !accepts(starts.get(kind), at)));
    }

    /** Which probe inputs the kind's starting spec accepts decides its palette group. */
    static String group(LayerKind kind) {
        LayerSpec spec = Specs.defaultOf(kind);
        boolean flat = accepts(spec, PROBES.get("flat"));
        boolean image = accepts(spec, PROBES.get("image"));
        boolean sequence = accepts(spec, PROBES.get("sequence"));
        if (flat && image && sequence) {
            return "any";
        }
        if (image && !sequence) {
            return "image";
        }
        if (sequence && !image) {
            return "sequence";
        }
        return flat ? "flat" : "other";
    }

    static boolean accepts(LayerSpec spec, Shape input) {
        try {
            spec.outputShape(input);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
