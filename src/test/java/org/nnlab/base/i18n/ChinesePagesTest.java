package org.nnlab.base.i18n;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.RouteConfiguration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nnlab.KaribuSpringTest;
import org.nnlab.RoutePaths;
import org.nnlab.engine.json.Json;

/**
 * Opens every route of the application (read from Vaadin's route registry, so a new page is covered the day it
 * is added) with the Chinese locale and reads what a person sees or hears: texts, labels, placeholders, helper
 * texts, titles, aria-labels, chart titles and legends. A run of Latin letters there is a finding unless it is a
 * name that stays as it is in Chinese (MNIST, ReLU, PyTorch, a layer kind, a unit, a formula's variable).
 * Vaadin components that bring their own English (Upload, date pickers, …) must be given their i18n object.
 */
class ChinesePagesTest extends KaribuSpringTest {
    /** Words that stay in Latin letters in the Chinese texts, compared without case. */
    private static final Set<String> NAMES = Stream.of(
            // the product, libraries, formats and data sets
            "NN", "Lab", "MNIST", "PyTorch", "Keras", "TensorFlow", "ONNX", "JSON", "CSV", "PNG", "SVG", "Java",
            "GPU", "CPU", "API", "URL", "HTTP", "ID", "Unicode", "Chromium", "IDX", "Vector", "nnm", "PaddlePaddle",
            "simple_img_conv_pool",
            // layer kinds, activations, optimisers, initialisers and ideas kept by their names
            "Dense", "Conv", "Conv2d", "Conv1d", "MaxPool", "MaxPool2d", "AvgPool", "AvgPool2d", "Pool", "Flatten",
            "Dropout", "BatchNorm", "LayerNorm", "Embedding", "LSTM", "GRU", "RNN", "SimpleRNN", "simple_rnn", "CNN",
            "MLP", "RBM", "DBN", "CD", "BiLSTM", "BiGRU", "Hinton", "ReLU", "LeakyReLU", "leaky_relu", "GELU", "ELU", "SELU", "Sigmoid", "Tanh",
            "Softmax", "LogSoftmax", "Linear", "Identity", "Bidirectional", "Reshape", "SGD", "Adam", "AdamW",
            "RMSprop", "Momentum", "Nesterov", "Xavier", "Glorot", "He", "Kaiming", "LeCun", "Heaviside",
            "XOR", "AND", "OR", "NOT", "NAND", "BPTT", "LeNet", "Leaky", "float32", "float", "net",
            // the language switch names the other language in that language, and itself in both
            "English", "Language", "dense", "conv2d", "lstm", "gru", "relu", "sigmoid", "tanh",
            "softmax", "flatten", "dropout", "embedding", "bidirectional",
            // units and short notations
            "ms", "px", "KB", "MB", "GB", "FLOPs", "FLOP", "GFLOPs", "MFLOPs", "lr", "max", "min", "log", "exp",
            "ln", "tanh", "argmax", "sin", "cos", "sqrt", "in", "out", "dim", "Hz", "fps", "e", "KiB", "MiB",
            "GiB",
            // keys on the keyboard
            "Ctrl", "Shift", "Alt", "Enter", "Esc")
            .map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    private static final Pattern LATIN_RUN = Pattern.compile("[A-Za-z][A-Za-z_]*[A-Za-z]");
    /** Properties and attributes that a person reads or hears. */
    private static final List<String> SPOKEN = List.of("label", "placeholder", "helperText", "title", "header",
            "text", "errorMessage", "accessibleName", "ariaLabel", "aria-label", "alt", "innerHTML", "undoLabel",
            "clearLabel", "widthLabel", "padLabel", "summary", "tooltip");
    /** Keys of a chart's option whose string values are drawn on the chart. */
    private static final Set<String> CHART_TEXTS = Set.of("text", "subtext", "name", "data");
    /** Vaadin web components that draw English texts of their own unless given an i18n object. */
    private static final Set<String> OWN_TEXTS = Set.of("vaadin-upload", "vaadin-date-picker", "vaadin-time-picker",
            "vaadin-date-time-picker", "vaadin-crud", "vaadin-login-form", "vaadin-login-overlay",
            "vaadin-rich-text-editor", "vaadin-message-input", "vaadin-avatar", "vaadin-avatar-group");

    @Test
    void everyRouteSpeaksChineseToAChineseReader() {
        List<String> paths = routes();
        assertTrue(paths.size() >= 9, "the route registry knows " + paths);
        Map<String, Set<String>> findings = new java.util.TreeMap<>();
        for (String path : paths) {
            newSession();
            useLocale(Locale.SIMPLIFIED_CHINESE);
            UI.getCurrent().navigate(path);
            UI.getCurrent().refreshCurrentRoute(true);
            Set<String> found = new TreeSet<>();
            check("page title", UI.getCurrent().getInternals().getTitle(), found);
            walk(UI.getCurrent().getElement(), found, Collections.newSetFromMap(new IdentityHashMap<>()));
            if (!found.isEmpty()) {
                findings.put("/" + path, found);
            }
        }
        assertTrue(findings.isEmpty(), findings.entrySet().stream().map(e -> e.getKey() + ":\n    "
                + String.join("\n    ", e.getValue())).collect(Collectors.joining("\n")));
    }

    private static List<String> routes() {
        return RoutePaths.of(RouteConfiguration.forApplicationScope().getAvailableRoutes());
    }

    private static void walk(Element element, Set<String> found, Set<Element> seen) {
        if (!seen.add(element)) {
            return;
        }
        String where = element.isTextNode() ? "text" : element.getTag() + idOf(element);
        if (element.isTextNode()) {
            check(where, element.getText(), found);
        } else {
            for (String name : SPOKEN) {
                if (element.hasAttribute(name)) {
                    check(where + " @" + name, element.getAttribute(name), found);
                }
                Object value = element.getPropertyRaw(name);
                if (value instanceof String s) {
                    check(where + " ." + name, name.equals("innerHTML") ? markupText(s) : s, found);
                }
            }
            if (element.getPropertyRaw("option") instanceof String option && option.startsWith("{")) {
                chartTexts(where, Json.parse(option), null, found);
            }
            if (OWN_TEXTS.contains(element.getTag()) && element.getPropertyRaw("i18n") == null) {
                found.add(where + ": shows the component's own English texts; give it an i18n object");
            }
        }
        element.getChildren().forEach(child -> walk(child, found, seen));
        element.getComponent().map(Component::getChildren).orElse(Stream.empty())
                .forEach(child -> walk(child.getElement(), found, seen));
    }

    private static String idOf(Element element) {
        String id = element.getAttribute("id");
        return id == null ? "" : "#" + id;
    }

    @SuppressWarnings("unchecked")
    private static void chartTexts(String where, Object node, String key, Set<String> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> chartTexts(where, v, String.valueOf(k), found));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> chartTexts(where, v, key, found));
        } else if (node instanceof String s && CHART_TEXTS.contains(key)) {
            check(where + " chart " + key, s, found);
        }
    }

    /** The text of a piece of markup: tags, the TeX source kept beside rendered formulas, and entities go. */
    private static String markupText(String html) {
        return html.replaceAll("(?s)<annotation[^>]*>.*?</annotation>", " ")
                .replaceAll("(?s)<style[^>]*>.*?</style>", " ")
                .replaceAll("<[^>]*>", " ")
                .replaceAll("&[a-zA-Z]+;|&#\\d+;", " ");
    }

    private static void check(String where, String text, Set<String> found) {
        if (text == null || text.isBlank()) {
            return;
        }
        Matcher m = LATIN_RUN.matcher(text);
        while (m.find()) {
            if (!NAMES.contains(m.group().toLowerCase(Locale.ROOT))) {
                found.add(where + ": \"" + m.group() + "\" in «" + shorten(text) + "»");
            }
        }
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
    }
}
