package org.nnlab.builder.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Map;
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
 * Nothing here names a layer kind: palette, editors and labels come from the engine's kind list and the
 * spec records' components. The parts report what a person did as events; this view changes the stack
 * ({@link StackEdits}), keeps the history ({@link EditHistory}) and shows the engine's analysis.
 */
@Route("build")
@Menu(order = 2, title = "nav.build", icon = "vaadin:cubes")
@StyleSheet("context://builder/build.css")
public class LayerBuilderView extends Div implements HasDynamicTitle, BeforeEnterObserver {
    private static final String SESSION_SPEC = LayerBuilderView.class.getName() + ".spec";
    private static final int HISTORY = 200;

    private final SpecLimits limits;
    private final EditHistory<ModelSpec> history;
    private final LayerPalette palette = new LayerPalette("build", true);
    private final InputCard inputCard = new InputCard();
    private final CardStack stack = new CardStack(this::onCard);
    private final TotalsPanel totals = new TotalsPanel();
    private final Div diagram = new Div();
    private final Div globalError = new Div();
    private final Select<Preset> presetSelect = new Select<>();
    private final Button undoButton = new Button(new Icon(VaadinIcon.ARROW_BACKWARD));
    private final Button redoButton = new Button(new Icon(VaadinIcon.ARROW_FORWARD));
    private final PaletteSheet sheet = new PaletteSheet();
    private NetworkAnalysis analysis;
    private int insertAfter = -1;
    /** The card whose editor shows a value the stack refused (undo takes it back), or -1. */
    private int refusedAt = -1;

    public LayerBuilderView(SavedSpecService saved, SpecLimits limits) {
        this.limits = limits;
        this.history = new EditHistory<>(keptSpec(limits), HISTORY);
        setId("build-view");
        addClassName("build-view");
        add(createHead(), createToolbar(new BuilderDialogs(this, saved, limits)), createBody());
        palette.addKindChosenListener(e -> apply(StackEdits.add(current(), insertAfter, e.kind())));
        sheet.palette().addKindChosenListener(e -> apply(StackEdits.add(current(), insertAfter, e.kind())));
        inputCard.addInputChosenListener(e -> setInput(e.shape()));
        stack.addEndDropListener(e -> dropped(e.data(), current().layers().size()));
        Shortcuts.addShortcutListener(this, this::undo, Key.KEY_Z, KeyModifier.CONTROL).listenOn(this);
        Shortcuts.addShortcutListener(this, this::undo, Key.KEY_Z, KeyModifier.META).listenOn(this);
        Shortcuts.addShortcutListener(this, this::redo, Key.KEY_Y, KeyModifier.CONTROL).listenOn(this);
        Shortcuts.addShortcutListener(this, this::redo, Key.KEY_Z, KeyModifier.CONTROL, KeyModifier.SHIFT).listenOn(this);
        render();
    }

    /** The stack kept in the session (a language switch makes the view again), or an empty one. */
    private static ModelSpec keptSpec(SpecLimits limits) {
        Object kept = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getAttribute(SESSION_SPEC);
        if (kept instanceof String json) {
            try {
                return limits.read(json);
            } catch (SpecException stale) {
                // a spec kept from an older version of a kind, or over a limit lowered since: start afresh
            }
        }
        return new ModelSpec(Mnist.IMAGE_SHAPE, List.of());
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

    // ---------------------------------------------------------------- the page's parts

    private Component createHead() {
        H2 title = new H2(getTranslation("build.title"));
        title.addClassName("build-title");
        Span lead = new Span(getTranslation("build.lead"));
        lead.addClassName("build-lead");
        Div head = new Div(title, lead);
        head.addClassName("build-head");
        return head;
    }

    private Component createBody() {
        globalError.addClassName("build-global-error");
        globalError.setId("build-global-error");
        Div centre = new Div(inputCard, sheet.openButton(), stack, globalError, totals);
        centre.addClassName("build-centre");
        diagram.addClassName("build-diagram");
        diagram.setId("build-diagram");
        Div side = new Div(new H3(getTranslation("build.diagram")), diagram);
        side.addClassName("build-side");
        Div body = new Div(palette, centre, side);
        body.addClassName("build-body");
        return body;
    }

    /** Presets and history on the left, the ways out on the right. */
    private Component createToolbar(BuilderDialogs dialogs) {
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
        presetSelect.getElement().getThemeList().add("small");
        historyButton(undoButton, "build-undo", "build.undo", this::undo);
        historyButton(redoButton, "build-redo", "build.redo", this::redo);
        Button clear = tool("build-clear", "build.clear", VaadinIcon.TRASH, () -> {
            insertAfter = -1;
            change(new ModelSpec(current().input(), List.of()));
        });
        Div left = new Div(presetSelect, undoButton, redoButton, clear);
        Div right = new Div(tool("build-save", "build.save", VaadinIcon.DATABASE, dialogs::openSave),
                tool("build-load", "build.load", VaadinIcon.FOLDER_OPEN, dialogs::openLoad),
                tool("build-export-json", "build.json.export", VaadinIcon.DOWNLOAD, dialogs::openExportJson),
                tool("build-import-json", "build.json.import", VaadinIcon.UPLOAD, dialogs::openImportJson),
                tool("build-share", "build.share", VaadinIcon.LINK, dialogs::openShare),
                tool("build-code", "build.code", VaadinIcon.CODE, dialogs::openCode));
        Button train = new Button(getTranslation("build.train"), new Icon(VaadinIcon.PLAY), e -> trainThis());
        train.setId("build-train");
        train.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        right.add(train);
        left.addClassName("build-toolbar-group");
        right.addClassName("build-toolbar-group");
        Div toolbar = new Div(left, right);
        toolbar.addClassName("build-toolbar");
        toolbar.getElement().setAttribute("role", "toolbar");
        return toolbar;
    }

    private Button tool(String id, String key, VaadinIcon icon, Runnable action) {
        Button b = new Button(getTranslation(key), new Icon(icon), e -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void historyButton(Button b, String id, String key, Runnable action) {
        b.setId(id);
        b.setAriaLabel(getTranslation(key));
        b.setTooltipText(getTranslation(key + ".tooltip"));
        b.addClickListener(e -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    }

    // ---------------------------------------------------------------- state

    /** The stack as it is now (input and layers). */
    public ModelSpec spec() {
        return current();
    }

    private ModelSpec current() {
        return history.current();
    }

    /**
     * Makes {@code next} the stack, keeping the previous one for undo, and shows it; a stack over the
     * {@link SpecLimits} is refused with a message and changes nothing.
     */
    void change(ModelSpec next) {
        try {
            limits.check(next);
        } catch (SpecException e) {
            showError(SpecErrors.describe(e, this));
            return;
        }
        history.push(next);
        refusedAt = -1;
        render();
    }

    /** Replaces the stack without a way back (opening a link). */
    void replace(ModelSpec next) {
        history.reset(next);
        refusedAt = -1;
        render();
    }

    void undo() {
        if (refusedAt >= 0) {
            render();
            return;
        }
        if (history.undo()) {
            render();
        }
    }

    void redo() {
        if (history.redo()) {
            refusedAt = -1;
            render();
        }
    }

    /** Sets the insertion point and applies a change that {@link StackEdits} made. */
    private void apply(StackEdits.Result result) {
        insertAfter = result.insertAfter();
        change(result.spec());
    }

    private void usePreset(Preset preset) {
        insertAfter = -1;
        change(preset.spec());
    }

    private void setInput(Shape input) {
        if (!input.equals(current().input())) {
            change(new ModelSpec(input, current().layers()));
        }
    }

    private void onCard(CardEvent event) {
        int i = event.index();
        switch (event) {
            case CardEvent.MoveRequested m -> apply(StackEdits.move(current(), insertAfter, i, m.to()));
            case CardEvent.DuplicateRequested d -> apply(StackEdits.duplicate(current(), insertAfter, i));
            case CardEvent.DeleteRequested d -> apply(StackEdits.delete(current(), insertAfter, i));
            case CardEvent.InsertionPointToggled t -> {
                insertAfter = insertAfter == i ? -1 : i;
                refresh();
            }
            case CardEvent.SettingEdited s -> edit(event.getSource(), s);
            case CardEvent.Dropped d -> dropped(d.data(), i);
        }
    }

    /**
     * One setting of a card changed in its editor. The spec record checks the value; a refused value
     * leaves the stack as it was and shows the record's message on the field and the card (undo takes it
     * back). An accepted value becomes a new step in the history; the card keeps its editors unless the
     * change replaced some (a nested layer of another kind).
     */
    private void edit(LayerCard card, CardEvent.SettingEdited e) {
        LayerSpec after;
        try {
            after = Specs.with(card.spec(), e.path(), e.value());
        } catch (IllegalArgumentException refused) {
            refusedAt = card.index();
            PropertyEditors.invalid(e.field(), Message.explain(refused));
            card.showError(Message.explain(refused));
            updateHistoryButtons();
            return;
        }
        e.field().setInvalid(false);
        if (!e.structural()) {
            card.edited(after);
        }
        history.push(StackEdits.set(current(), card.index(), after));
        refusedAt = -1;
        render();
    }

    /** A drop at stack position {@code index}: a kind from the palette is inserted, a card is moved. */
    private void dropped(Object data, int index) {
        if (data instanceof LayerKind kind) {
            apply(StackEdits.insert(current(), kind, index));
        } else if (data instanceof LayerCard card && card.getParent().filter(p -> p == stack).isPresent()) {
            apply(StackEdits.move(current(), insertAfter, card.index(), Math.min(index, current().layers().size() - 1)));
        }
    }

    // ---------------------------------------------------------------- showing it

    /** Makes the cards follow the stack (only changed ones are made again), then the figures. */
    private void render() {
        stack.show(current().layers(), refusedAt);
        refusedAt = -1;
        inputCard.show(current().input());
        refresh();
    }

    /** Recomputes shapes, numbers, diagram and palette fit from the engine. */
    private void refresh() {
        ModelSpec spec = current();
        analysis = NetworkAnalysis.of(spec);
        if (VaadinSession.getCurrent() != null) {
            VaadinSession.getCurrent().setAttribute(SESSION_SPEC, spec.toJson());
        }
        stack.showAnalysis(analysis, insertAfter);
        // an empty stack is where everyone starts: its drop zone already says what to do, no red error
        boolean global = !analysis.valid() && analysis.errorIndex() < 0 && !spec.layers().isEmpty();
        globalError.setText(global ? EngineMessages.localize(analysis.error(), getLocale()) : "");
        globalError.setVisible(global);
        totals.show(analysis);
        diagram.getElement().setProperty("innerHTML", DiagramSvg.render(analysis, BuildTexts::kind,
                p -> getTranslation("build.params.short", DiagramSvg.number(p, true)),
                getTranslation("build.input.block"), getTranslation("build.misfit"), insertAfter));
        Shape at = insertAfter < 0 || insertAfter >= analysis.rows().size() ? analysis.output()
                : analysis.rows().get(insertAfter).output();
        palette.markMisfits(at);
        sheet.palette().markMisfits(at);
        updateHistoryButtons();
    }

    private void updateHistoryButtons() {
        undoButton.setEnabled(history.canUndo() || refusedAt >= 0);
        redoButton.setEnabled(history.canRedo());
    }

    void trainThis() {
        if (!analysis.valid()) {
            NetworkAnalysis.Row misfit = analysis.misfit();
            String why = misfit == null ? EngineMessages.localize(analysis.error(), getLocale()) : getTranslation("build.layer.error", misfit.index() + 1,
                    BuildTexts.kind(misfit.spec().kind()), EngineMessages.localize(misfit.error(), getLocale()));
            showError(getTranslation("build.train.invalid", why));
            return;
        }
        UI.getCurrent().navigate("train", QueryParameters.simple(Map.of(SpecLinks.PARAMETER, SpecLinks.encode(current()))));
    }

    void showError(Message message) {
        showError(EngineMessages.localize(message, getLocale()));
    }

    void showError(String message) {
        Notification n = new Notification(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.open();
    }

    void showInfo(String message) {
        Notification n = new Notification(message, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        n.open();
    }

}
