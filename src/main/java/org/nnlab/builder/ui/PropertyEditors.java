package org.nnlab.builder.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nnlab.base.i18n.EngineMessages;
import org.nnlab.builder.Specs;
import org.nnlab.engine.spec.LayerKind;
import org.nnlab.engine.spec.LayerKinds;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.text.Message;

/**
 * Editors for the settings of a layer spec, made from its record components: whole numbers get an
 * IntegerField, numbers a NumberField, yes/no a Checkbox, enums a Select, text a TextField, lists and
 * shapes a comma-separated TextField, nested records a small labelled group, and a nested layer a kind
 * Select followed by that layer's own editors. Every change is handed to an {@link Sink} with the path
 * of the setting; the sink decides whether the value is accepted.
 */
final class PropertyEditors {
    /** Receives an edit; {@code field} is the editor, to mark invalid when the engine refuses the value. */
    interface Sink {
        void edit(List<String> path, Object value, HasValidation field, boolean structural);
    }

    private PropertyEditors() {
    }

    static List<Component> create(Record record, List<String> path, String idPrefix, Sink sink) {
        List<Component> editors = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            List<String> at = new ArrayList<>(path);
            at.add(c.getName());
            editors.add(editor(c, Specs.read(record, c), List.copyOf(at), idPrefix, sink));
        }
        return editors;
    }

    private static Component editor(RecordComponent c, Object value, List<String> path, String idPrefix, Sink sink) {
        Class<?> t = c.getType();
        String label = BuildTexts.setting(c.getName());
        String id = idPrefix + "-" + String.join("-", path);
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            IntegerField f = new IntegerField(label);
            f.setValue(((Number) value).intValue());
            f.addValueChangeListener(e -> {
                if (e.getValue() == null) {
                    invalid(f, f.getTranslation("build.edit.whole"));
                } else {
                    sink.edit(path, t == long.class || t == Long.class ? (Object) e.getValue().longValue() : e.getValue(), f, false);
                }
            });
            return styled(f, id, "build-field-int");
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            NumberField f = new NumberField(label);
            f.setValue(((Number) value).doubleValue());
            f.addValueChangeListener(e -> {
                if (e.getValue() == null) {
                    invalid(f, f.getTranslation("build.edit.number"));
                } else {
                    sink.edit(path, t == float.class || t == Float.class ? (Object) e.getValue().floatValue() : e.getValue(), f, false);
                }
            });
            return styled(f, id, "build-field-number");
        }
        if (t == boolean.class || t == Boolean.class) {
            Checkbox f = new Checkbox(label, (Boolean) value);
            f.addValueChangeListener(e -> sink.edit(path, e.getValue(), f, false));
            return styled(f, id, "build-field-bool");
        }
        if (t.isEnum()) {
            Select<Object> f = new Select<>();
            f.setLabel(label);
            f.setItems(Arrays.asList(t.getEnumConstants()));
            f.setItemLabelGenerator(v -> BuildTexts.optional("build.enum." + ((Enum<?>) v).name(),
                    BuildTexts.humanize(((Enum<?>) v).name().toLowerCase(java.util.Locale.ROOT))));
            f.setValue(value);
            f.addValueChangeListener(e -> sink.edit(path, e.getValue(), f, false));
            return styled(f, id, "build-field-enum");
        }
        if (t == String.class) {
            TextField f = new TextField(label);
            f.setValue((String) value);
            f.addValueChangeListener(e -> sink.edit(path, e.getValue(), f, false));
            return styled(f, id, "build-field-text");
        }
        if (t == Shape.class || t == List.class) {
            return listEditor(c, value, path, label, id, sink);
        }
        if (LayerSpec.class.isAssignableFrom(t)) {
            return nestedLayer(c, (LayerSpec) value, path, label, idPrefix, id, sink);
        }
        if (t.isRecord()) {
            Div group = group(label, id);
            group.add(create((Record) value, path, idPrefix, sink).toArray(Component[]::new));
            return group;
        }
        Span unsupported = new Span(label + ": " + value);
        unsupported.setId(id);
        unsupported.addClassName("build-field-unsupported");
        return unsupported;
    }

    private static Component listEditor(RecordComponent c, Object value, List<String> path, String label, String id, Sink sink) {
        boolean shape = c.getType() == Shape.class;
        Class<?> element = shape ? Integer.class : Specs.elementType(c);
        TextField f = new TextField(label);
        f.setValue(shape ? join(Arrays.stream(((Shape) value).dims()).boxed().toList()) : join((List<?>) value));
        f.setPlaceholder("1, 2, 3");
        f.addValueChangeListener(e -> {
            List<Object> parsed = new ArrayList<>();
            for (String part : e.getValue().split("[,\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    parsed.add(element == Integer.class ? (Object) Integer.parseInt(part) : (Object) Double.parseDouble(part));
                } catch (NumberFormatException bad) {
                    invalid(f, f.getTranslation("build.edit.list", part));
                    return;
                }
            }
            Object result = shape ? Shape.of(parsed.stream().mapToInt(o -> (Integer) o).toArray()) : List.copyOf(parsed);
            sink.edit(path, result, f, false);
        });
        return styled(f, id, "build-field-list");
    }

    private static Component nestedLayer(RecordComponent c, LayerSpec value, List<String> path, String label,
                                         String idPrefix, String id, Sink sink) {
        Div group = group(label, id);
        Select<LayerKind> kind = new Select<>();
        kind.setLabel(group.getTranslation("build.edit.kind"));
        kind.setItems(LayerKinds.all().stream().filter(k -> c.getType().isAssignableFrom(k.type())).toList());
        kind.setItemLabelGenerator(k -> BuildTexts.kind(k.name()));
        kind.setValue(LayerKinds.byType(value.getClass()).orElse(null));
        kind.setId(id + "-kind");
        kind.getElement().getThemeList().add("small");
        kind.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                try {
                    sink.edit(path, Specs.defaultOf(e.getValue()), kind, true);
                } catch (IllegalStateException noDefault) {
                    invalid(kind, Message.explain(noDefault));
                }
            }
        });
        group.add(kind);
        group.add(create((Record) value, path, idPrefix, sink).toArray(Component[]::new));
        return group;
    }

    private static Div group(String label, String id) {
        Div group = new Div();
        group.addClassName("build-group");
        group.setId(id);
        Span legend = new Span(label);
        legend.addClassName("build-group-label");
        group.add(legend);
        return group;
    }

    private static <C extends Component> C styled(C field, String id, String cssClass) {
        field.setId(id);
        field.getElement().getThemeList().add("small");
        field.addClassName("build-field");
        field.addClassName(cssClass);
        return field;
    }

    static void invalid(HasValidation field, Message message) {
        invalid(field, EngineMessages.localize(message, UI.getCurrent().getLocale()));
    }

    static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static String join(List<?> values) {
        return String.join(", ", values.stream().map(v -> v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                ? String.valueOf(d.longValue()) : String.valueOf(v)).toList());
    }
}
