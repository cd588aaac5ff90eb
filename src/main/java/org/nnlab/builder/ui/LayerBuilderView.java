package org.nnlab.builder.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropEffect;
import com.vaadin.flow.component.dnd.DropEvent;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.dnd.EffectAllowed;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnlab.base.i18n.EngineMessages;
import org.nnlab.base.ui.SpecErrors;
import org.nnlab.builder.DiagramSvg;
import org.nnlab.builder.NetworkAnalysis;
import org.nnlab.builder.SavedSpecService;
import org.nnlab.builder.SpecLinks;
import org.nnlab.builder.Specs;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Presets.Offer;
import org.nnlab.engine.model.Presets.Preset;
import org.nnlab.engine.spec.LayerKind;
import org.nnlab.engine.spec.LayerKinds;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.SpecLimits;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.text.Message;

/**
 * The visual layer builder: a palette of every layer kind the engine lists, a stack of layer cards whose
 * settings are edited in place, each with the shapes, parameters and FLOPs the engine computes, a
 * diagram of the network, totals, presets, undo, and ways out (train, save, JSON, share link, code).
 * Nothing here names a layer kind: palette, editors and labels come from {@link LayerKinds} and the spec
 * records' components.
 */
@Route("build")
@Menu(order = 2, title = "nav.build", icon = "vaadin:cubes")
@StyleSheet("context://builder/build.css")
public class LayerBuilderView extends Div implements HasDynamicTitle, BeforeEnterObserver {
    private static final String SESSION_SPEC = LayerBuilderView.class.getName() + ".spec";
    private static final int HISTORY = 200;
    /** Inputs of each rank the palette tries every kind's starting spec on, to group and label it. */
    private static final Map<String, Shape> PROBES = probes();

    private final SavedSpecService saved;
    private final SpecLimits limits;
    private final Deque<ModelSpec> undoStack = new ArrayDeque<>();
    private final Deque<ModelSpec> redoStack = new ArrayDeque<>();
    private final List<LayerCard> cards = new ArrayList<>();
    private final Div palette = new Div();
    private final Div stack = new Div();
    private final Div diagram = new Div();
    private final Div totals = new Div();
    private final Div globalError = new Div();
    private final Select<InputChoice> inputSelect = new Select<>();
    private final TextField customInput = new TextField();
    private final Select<Preset> presetSelect = new Select<>();
    private final Button undoButton = new Button(new Icon(VaadinIcon.ARROW_BACKWARD));
    private final Button redoButton = new Button(new Icon(VaadinIcon.ARROW_FORWARD));
    private final Map<String, Div> paletteItems = new LinkedHashMap<>();
    private ModelSpec current = new ModelSpec(Mnist.IMAGE_SHAPE, List.of());
    private NetworkAnalysis analysis;
    private int insertAfter = -1;
    private String pendingError;
    private boolean updatingInput;

    /** One entry of the input chooser; {@code shape} is null for "custom". */
    record InputChoice(String key, Shape shape) {
    }

    public LayerBuilderView(SavedSpecService saved, SpecLimits limits) {
        this.saved = saved;
        this.limits = limits;
        setId("build-view");
        addClassName("build-view");
        Object kept = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getAttribute(SESSION_SPEC);
        if (kept instanceof String json) {
            try {
                current = limits.read(json);
            } catch (SpecException stale) {
                // a spec kept from an older version of a kind, or over a limit lowered since: start afresh
            }
        }
        H2 title = new H2(getTranslation("build.title"));
        title.addClassName("build-title");
        Span lead = new Span(getTranslation("build.lead"));
        lead.addClassName("build-lead");
        Div head = new Div(title, lead);
        head.addClassName("build-head");
        add(head, createToolbar(), createBody());
        Shortcuts.addShortcutListener(this, this::undo, Key.KEY_Z, KeyModifier.CONTROL).listenOn(this);
        Shortcuts.addShortcutListener(this, this::undo, Key.KEY_Z, KeyModifier.META).listenOn(this);
        Shortcuts.addShortcutListener(this, this::redo, Key.KEY_Y, KeyModifier.CONTROL).listenOn(this);
        Shortcuts.addShortcutListener(this, this::redo, Key.KEY_Z, KeyModifier.CONTROL, KeyModifier.SHIFT).listenOn(this);
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("build.title") + " · " + getTranslation("app.name");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> values = event.getLocation().getQueryParameters().getParameters().getOrDefault(SpecLinks.PARAMETER, List.of());
        if (!values.isEmpty()) {
            try {
                replace(SpecLinks.decode(values.getFirst(), limits));
            } catch (SpecException e) {
                showError(getTranslation("build.share.bad", SpecErrors.describe(e, this)));
            }
        }
    }

    // ---------------------------------------------------------------- state

    /** The stack as it is now (input and layers). */
    public ModelSpec spec() {
        return current;
    }

    NetworkAnalysis analysis() {
        return analysis;
    }

    /**
     * Makes {@code next} the stack, keeping the previous one for undo, and redraws everything; a stack over
     * the {@link SpecLimits} is refused with a message and changes nothing.
     */
    void change(ModelSpec next) {
        try {
            limits.check(next);
        } catch (SpecException e) {
            showError(SpecErrors.describe(e, this));
            return;
        }
        remember();
        current = next;
        pendingError = null;
        render();
    }

    /** Replaces the stack without a way back (opening a link). */
    void replace(ModelSpec next) {
        current = next;
        undoStack.clear();
        redoStack.clear();
        pendingError = null;
        render();
    }

    private void remember() {
        undoStack.push(current);
        while (undoStack.size() > HISTORY) {
            undoStack.removeLast();
        }
        redoStack.clear();
    }

    void undo() {
        if (pendingError != null) {
            pendingError = null;
            render();
            return;
        }
        if (undoStack.isEmpty()) {
            return;
        }
        redoStack.push(current);
        current = undoStack.pop();
        render();
    }

    void redo() {
        if (redoStack.isEmpty()) {
            return;
        }
        undoStack.push(current);
        current = redoStack.pop();
        pendingError = null;
        render();
    }

    private List<LayerSpec> layers() {
        return new ArrayList<>(current.layers());
    }

    /** Inserts a fresh layer of {@code kind} at {@code index} (0 = top, size = bottom). */
    void insert(LayerKind kind, int index) {
        List<LayerSpec> layers = layers();
        int at = Math.max(0, Math.min(index, layers.size()));
        layers.add(at, Specs.defaultOf(kind));
        insertAfter = at;
        change(new ModelSpec(current.input(), layers));
    }

    /** Adds {@code kind} below the chosen insertion point, or at the bottom when none is chosen. */
    void add(LayerKind kind) {
        insert(kind, insertAfter < 0 || insertAfter >= current.layers().size() ? current.layers().size() : insertAfter + 1);
    }

    /** Moves the layer at {@code from} so that it ends up at {@code to}. */
    void move(int from, int to) {
        List<LayerSpec> layers = layers();
        if (from < 0 || from >= layers.size() || to < 0 || to >= layers.size() || from == to) {
            return;
        }
        layers.add(to, layers.remove(from));
        if (insertAfter == from) {
            insertAfter = to;
        }
        change(new ModelSpec(current.input(), layers));
    }

    void duplicate(int index) {
        List<LayerSpec> layers = layers();
        layers.add(index + 1, layers.get(index));
        change(new ModelSpec(current.input(), layers));
    }

    void delete(int index) {
        List<LayerSpec> layers = layers();
        layers.remove(index);
        if (insertAfter >= layers.size()) {
            insertAfter = layers.size() - 1;
        }
        change(new ModelSpec(current.input(), layers));
    }

    void usePreset(Preset preset) {
        insertAfter = -1;
        change(preset.spec());
    }

    void setInput(Shape input) {
        if (!input.equals(current.input())) {
            change(new ModelSpec(input, current.layers()));
        }
    }

    /**
     * One setting of layer {@code index} changed in its editor. The spec record checks the value; a
     * refused value leaves the stack as it was and shows the record's message on the field and the card
     * (undo clears it). An accepted value becomes a new step in the history.
     */
    void edit(int index, List<String> path, Object value, HasValidation field, boolean structural) {
        LayerSpec before = current.layers().get(index);
        LayerSpec after;
        try {
            after = Specs.with(before, path, value);
        } catch (IllegalArgumentException e) {
            pendingError = e.getMessage();
            PropertyEditors.invalid(field, Message.explain(e));
            cards.get(index).showError(Message.explain(e));
            updateHistoryButtons();
            return;
        }
        field.setInvalid(false);
        List<LayerSpec> layers = layers();
        layers.set(index, after);
        remember();
        current = new ModelSpec(current.input(), layers);
        pendingError = null;
        if (structural) {
            render();
        } else {
            refresh();
        }
    }

    // ---------------------------------------------------------------- building the page

    private Component createToolbar() {
        presetSelect.setId("build-preset");
        presetSelect.setAriaLabel(getTranslation("build.preset.label"));
        presetSelect.setPlaceholder(getTranslation("build.preset.placeholder"));
        presetSelect.setItems(Presets.in(Offer.BUILDER));
        presetSelect.setItemLabelGenerator(p -> BuildTexts.optional(p.labelKey(Offer.BUILDER), BuildTexts.humanize(p.name())));
        presetSelect.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                usePreset(e.getValue());
            }
        });
        undoButton.setId("build-undo");
        undoButton.setAriaLabel(getTranslation("build.undo"));
        undoButton.setTooltipText(getTranslation("build.undo.tooltip"));
        undoButton.addClickListener(e -> undo());
        redoButton.setId("build-redo");
        redoButton.setAriaLabel(getTranslation("build.redo"));
        redoButton.setTooltipText(getTranslation("build.redo.tooltip"));
        redoButton.addClickListener(e -> redo());
        Button clear = new Button(getTranslation("build.clear"), new Icon(VaadinIcon.TRASH), e -> {
            insertAfter = -1;
            change(new ModelSpec(current.input(), List.of()));
        });
        clear.setId("build-clear");
        Button train = new Button(getTranslation("build.train"), new Icon(VaadinIcon.PLAY), e -> trainThis());
        train.setId("build-train");
        train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        BuilderDialogs dialogs = new BuilderDialogs(this, saved, limits);
        Button save = new Button(getTranslation("build.save"), new Icon(VaadinIcon.DATABASE), e -> dialogs.openSave());
        save.setId("build-save");
        Button load = new Button(getTranslation("build.load"), new Icon(VaadinIcon.FOLDER_OPEN), e -> dialogs.openLoad());
        load.setId("build-load");
        Button export = new Button(getTranslation("build.json.export"), new Icon(VaadinIcon.DOWNLOAD), e -> dialogs.openExportJson());
        export.setId("build-export-json");
        Button importJson = new Button(getTranslation("build.json.import"), new Icon(VaadinIcon.UPLOAD), e -> dialogs.openImportJson());
        importJson.setId("build-import-json");
        Button share = new Button(getTranslation("build.share"), new Icon(VaadinIcon.LINK), e -> dialogs.openShare());
        share.setId("build-share");
        Button code = new Button(getTranslation("build.code"), new Icon(VaadinIcon.CODE), e -> dialogs.openCode());
        code.setId("build-code");
        for (Button b : List.of(undoButton, redoButton, clear, save, load, export, importJson, share, code)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        train.addThemeVariants(ButtonVariant.LUMO_SMALL);
        presetSelect.getElement().getThemeList().add("small");
        Div left = new Div(presetSelect, undoButton, redoButton, clear);
        left.addClassName("build-toolbar-group");
        Div right = new Div(save, load, export, importJson, share, code, train);
        right.addClassName("build-toolbar-group");
        Div toolbar = new Div(left, right);
        toolbar.addClassName("build-toolbar");
        toolbar.getElement().setAttribute("role", "toolbar");
        return toolbar;
    }

    private Component createBody() {
        palette.addClassName("build-palette");
        palette.setId("build-palette");
        H3 paletteTitle = new H3(getTranslation("build.palette"));
        Span paletteHint = new Span(getTranslation("build.palette.hint"));
        paletteHint.addClassName("build-hint");
        palette.add(paletteTitle, paletteHint);
        fillPalette();

        stack.addClassName("build-stack");
        stack.setId("build-stack");
        stack.getElement().setAttribute("role", "list");
        stack.getElement().setAttribute("aria-label", getTranslation("build.stack"));
        globalError.addClassName("build-global-error");
        globalError.setId("build-global-error");
        Div centre = new Div(createInputCard(), stack, globalError, totals);
        centre.addClassName("build-centre");
        totals.addClassName("build-totals");
        totals.setId("build-totals");

        diagram.addClassName("build-diagram");
        diagram.setId("build-diagram");
        H3 diagramTitle = new H3(getTranslation("build.diagram"));
        Div side = new Div(diagramTitle, diagram);
        side.addClassName("build-side");

        Div body = new Div(palette, centre, side);
        body.addClassName("build-body");
        return body;
    }

    private void fillPalette() {
        Map<String, List<LayerKind>> groups = new LinkedHashMap<>();
        for (String g : List.of("any", "flat", "image", "sequence", "other")) {
            groups.put(g, new ArrayList<>());
        }
        for (LayerKind kind : LayerKinds.all()) {
            groups.get(group(kind)).add(kind);
        }
        groups.forEach((group, kinds) -> {
            if (kinds.isEmpty()) {
                return;
            }
            Span heading = new Span(getTranslation("build.group." + group));
            heading.addClassName("build-palette-group");
            palette.add(heading);
            for (LayerKind kind : kinds) {
                palette.add(paletteItem(kind));
            }
        });
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

    private static boolean accepts(LayerSpec spec, Shape input) {
        try {
            spec.outputShape(input);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Shape> probes() {
        Map<String, Shape> probes = new LinkedHashMap<>();
        probes.put("flat", Shape.of(16));
        probes.put("image", Shape.of(3, 12, 12));
        probes.put("sequence", Shape.of(10, 8));
        return probes;
    }

    private Div paletteItem(LayerKind kind) {
        String label = BuildTexts.kind(kind.name());
        Span name = new Span(label);
        name.addClassName("build-palette-name");
        Button add = new Button(new Icon(VaadinIcon.PLUS), e -> add(kind));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        add.setAriaLabel(getTranslation("build.palette.add", label));
        add.setTooltipText(getTranslation("build.palette.add", label));
        add.setId("build-add-" + kind.name());
        Div item = new Div(new Icon(VaadinIcon.GRID_SMALL), name, add);
        item.addClassName("build-palette-item");
        item.setId("build-palette-" + kind.name());
        item.getElement().setAttribute("data-kind", kind.name());
        item.getElement().setAttribute("title", BuildTexts.optional("build.kind." + kind.name() + ".help", kind.name()));
        DragSource<Div> source = DragSource.create(item);
        source.setDragData(kind);
        source.setEffectAllowed(EffectAllowed.COPY_MOVE);
        paletteItems.put(kind.name(), item);
        return item;
    }

    private Component createInputCard() {
        List<InputChoice> choices = new ArrayList<>(List.of(new InputChoice("mnist", Mnist.IMAGE_SHAPE), new InputChoice("points", Shape.of(2))));
        if (LayerKinds.all().stream().anyMatch(k -> "sequence".equals(group(k)))) {
            choices.add(new InputChoice("sequence", Shape.of(28, 28)));
        }
        choices.add(new InputChoice("custom", null));
        inputSelect.setId("build-input");
        inputSelect.setLabel(getTranslation("build.input"));
        inputSelect.setItems(choices);
        inputSelect.setItemLabelGenerator(c -> getTranslation("build.input." + c.key()));
        inputSelect.addValueChangeListener(e -> {
            if (updatingInput || e.getValue() == null) {
                return;
            }
            if (e.getValue().shape() != null) {
                setInput(e.getValue().shape());
            } else {
                customInput.setVisible(true);
            }
        });
        customInput.setId("build-input-custom");
        customInput.setLabel(getTranslation("build.input.dims"));
        customInput.setPlaceholder("1, 28, 28");
        customInput.setMaxLength(200);
        customInput.addValueChangeListener(e -> {
            if (updatingInput) {
                return;
            }
            try {
                Shape shape = parseInput(e.getValue());
                customInput.setInvalid(false);
                setInput(shape);
            } catch (NumberFormatException bad) {
                PropertyEditors.invalid(customInput, getTranslation("build.input.bad"));
            } catch (ArithmeticException tooLarge) {
                PropertyEditors.invalid(customInput, getTranslation("build.input.tooLarge", Integer.MAX_VALUE));
            }
        });
        Icon icon = new Icon(VaadinIcon.SIGN_IN);
        icon.addClassName("build-input-icon");
        Div card = new Div(icon, inputSelect, customInput);
        card.addClassName("build-input-card");
        return card;
    }

    /**
     * The sizes typed as "1, 28, 28" (or "1×28×28"): whole numbers of at least 1, else a
     * {@link NumberFormatException}; a size over {@link Integer#MAX_VALUE} (such as 1e10) throws an
     * {@link ArithmeticException} rather than being cut down to fit.
     */
    static Shape parseInput(String text) {
        List<String> parts = java.util.Arrays.stream(text.trim().split("[,×x\\s]+")).filter(p -> !p.isBlank()).toList();
        int[] dims = new int[parts.size()];
        for (int i = 0; i < dims.length; i++) {
            java.math.BigDecimal d = new java.math.BigDecimal(parts.get(i));
            if (d.signum() < 1 || d.stripTrailingZeros().scale() > 0) {
                throw new NumberFormatException(parts.get(i));
            }
            dims[i] = d.intValueExact();
        }
        if (dims.length == 0) {
            throw new NumberFormatException("no size");
        }
        return Shape.of(dims);
    }

    // ---------------------------------------------------------------- rendering

    /** Rebuilds the cards, then the numbers (after add, move, delete, preset, undo…). */
    private void render() {
        stack.removeAll();
        cards.clear();
        for (int i = 0; i < current.layers().size(); i++) {
            LayerCard card = new LayerCard(this, i, current.layers().get(i));
            cards.add(card);
            stack.add(card);
        }
        Div end = new Div(new Icon(VaadinIcon.PLUS_CIRCLE_O), new Span(getTranslation(current.layers().isEmpty()
                ? "build.drop.empty" : "build.drop.end")));
        end.addClassName("build-drop-end");
        end.setId("build-drop-end");
        DropTarget<Div> target = DropTarget.create(end);
        target.setDropEffect(DropEffect.MOVE);
        target.addDropListener(e -> dropped(e, current.layers().size()));
        stack.add(end);
        syncInputChooser();
        refresh();
    }

    /** Recomputes shapes, numbers, diagram and palette fit from the engine, keeping the editors. */
    private void refresh() {
        analysis = NetworkAnalysis.of(current);
        if (VaadinSession.getCurrent() != null) {
            VaadinSession.getCurrent().setAttribute(SESSION_SPEC, current.toJson());
        }
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).show(analysis.rows().get(i), i == insertAfter);
        }
        boolean global = !analysis.valid() && analysis.errorIndex() < 0;
        globalError.setText(global ? EngineMessages.localize(analysis.error(), getLocale()) : "");
        globalError.setVisible(global);
        showTotals();
        diagram.getElement().setProperty("innerHTML", DiagramSvg.render(analysis, BuildTexts::kind,
                p -> getTranslation("build.params.short", DiagramSvg.number(p, true)),
                getTranslation("build.input.block"), getTranslation("build.misfit"), insertAfter));
        markPalette();
        updateHistoryButtons();
    }

    private void updateHistoryButtons() {
        undoButton.setEnabled(!undoStack.isEmpty() || pendingError != null);
        redoButton.setEnabled(!redoStack.isEmpty());
    }

    private void syncInputChooser() {
        updatingInput = true;
        try {
            Optional<InputChoice> match = inputSelect.getListDataView().getItems()
                    .filter(c -> current.input().equals(c.shape())).findFirst();
            InputChoice custom = inputSelect.getListDataView().getItems().filter(c -> c.shape() == null).findFirst().orElseThrow();
            inputSelect.setValue(match.orElse(custom));
            customInput.setVisible(match.isEmpty());
            customInput.setValue(String.join(", ", java.util.Arrays.stream(current.input().dims()).mapToObj(String::valueOf).toList()));
            customInput.setInvalid(false);
        } finally {
            updatingInput = false;
        }
    }

    /** Dims the palette entries whose starting spec does not take the shape at the insertion point. */
    private void markPalette() {
        Shape at = insertionShape();
        paletteItems.forEach((name, item) -> {
            LayerSpec probe = Specs.defaultOf(LayerKinds.byName(name).orElseThrow());
            boolean fits = at == null || accepts(probe, at);
            item.setClassName("build-palette-misfit", !fits);
        });
    }

    private Shape insertionShape() {
        if (insertAfter < 0 || insertAfter >= analysis.rows().size()) {
            return analysis.output();
        }
        return analysis.rows().get(insertAfter).output();
    }

    private void showTotals() {
        totals.removeAll();
        NetworkAnalysis a = analysis;
        totals.add(stat("build-total-params", getTranslation("build.total.params"), DiagramSvg.number(a.params(), false), null));
        totals.add(stat("build-total-flops", getTranslation("build.total.flops"), DiagramSvg.number(a.flops(), true), null));
        totals.add(stat("build-total-memory", getTranslation("build.total.memory", NetworkAnalysis.BATCH),
                bytes(a.trainingBytes()), getTranslation("build.total.memory.tooltip", NetworkAnalysis.BATCH)));
        Shape out = a.valid() ? a.output() : null;
        totals.add(stat("build-total-output", getTranslation("build.total.output"), out == null ? "—" : out.toString(), null));
        Div hint = new Div();
        hint.addClassName("build-compare");
        hint.setId("build-compare");
        if (a.params() > 0 && a.valid()) {
            double ratio = (double) a.fcParams() / a.params();
            hint.setText(getTranslation("build.compare", DiagramSvg.number(a.fcParams(), false),
                    DiagramSvg.number(a.params(), false), String.format(getLocale(), "%,.1f", ratio)));
            hint.getElement().setAttribute("title", getTranslation("build.compare.tooltip"));
            Span what = new Span(getTranslation("build.compare.tooltip"));
            what.addClassName("build-compare-what");
            hint.add(what);
        } else {
            hint.setText(getTranslation("build.compare.none"));
        }
        totals.add(hint);
    }

    private static Div stat(String id, String label, String value, String tooltip) {
        Span l = new Span(label);
        l.addClassName("build-stat-label");
        Span v = new Span(value);
        v.addClassName("build-stat-value");
        Div stat = new Div(l, v);
        stat.addClassName("build-stat");
        stat.setId(id);
        if (tooltip != null) {
            stat.getElement().setAttribute("title", tooltip);
            Icon info = new Icon(VaadinIcon.INFO_CIRCLE_O);
            info.addClassName("build-stat-info");
            l.add(info);
            Span explained = new Span(tooltip);
            explained.addClassName("build-sr-only");
            stat.add(explained);
        }
        return stat;
    }

    static String bytes(long b) {
        if (b >= 1L << 30) {
            return String.format(java.util.Locale.ROOT, "%.2f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
        }
        return String.format(java.util.Locale.ROOT, "%.1f KiB", b / 1024.0);
    }

    /** A drop at stack position {@code index}: a kind from the palette is inserted, a card is moved. */
    void dropped(DropEvent<?> e, int index) {
        Object data = e.getDragData().orElse(null);
        if (data instanceof LayerKind kind) {
            insert(kind, index);
        } else if (data instanceof Integer from) {
            int to = Math.min(index, current.layers().size() - 1);
            move(from, to);
        }
    }

    void selectInsertionPoint(int index) {
        insertAfter = insertAfter == index ? -1 : index;
        refresh();
    }

    int insertAfter() {
        return insertAfter;
    }

    void trainThis() {
        if (!analysis.valid()) {
            showError(getTranslation("build.train.invalid", analysis.error()));
            return;
        }
        UI.getCurrent().navigate("train", QueryParameters.simple(Map.of(SpecLinks.PARAMETER, SpecLinks.encode(current))));
    }

    void showError(Message message) {
        showError(EngineMessages.localize(message, getLocale()));
    }

    void showError(String message) {
        Notification n = new Notification(message, 8000,
                Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.open();
    }

    void showInfo(String message) {
        Notification n = new Notification(message, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        n.open();
    }
}
