package org.nnlab.digits.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nnlab.digits.GrayPng;
import org.nnlab.digits.LayerActivation;

/**
 * "What the network sees": for each conv layer its feature maps, for each dense layer its units, each
 * with the layer's name and shape. Pictures are grayscale PNGs made on the server, scaled per layer so
 * that its strongest response is white. Components are reused while the model stays the same.
 */
class LayerGallery extends Composite<Div> {
    private static final Map<String, String> ACTIVATION_NAMES = Map.of("relu", "ReLU", "leaky_relu", "Leaky ReLU",
            "sigmoid", "sigmoid", "tanh", "tanh", "step", "step", "linear", "linear");

    private final Paragraph empty = new Paragraph();
    private final List<Panel> panels = new ArrayList<>();
    private String layout = "";

    private record Panel(Div root, List<Image> images) {
    }

    LayerGallery() {
        getContent().setId("layers");
        getContent().addClassName("nnlab-layers");
        empty.setText(getTranslation("draw.layers.empty"));
        getContent().add(empty);
    }

    void clear() {
        getContent().removeAll();
        panels.clear();
        layout = "";
        getContent().add(empty);
    }

    void show(List<LayerActivation> layers) {
        String newLayout = layers.stream().map(l -> l.kind() + l.number() + l.shape()).toList().toString();
        if (!newLayout.equals(layout)) {
            getContent().removeAll();
            panels.clear();
            for (LayerActivation l : layers) {
                Panel p = createPanel(l);
                panels.add(p);
                getContent().add(p.root());
            }
            layout = newLayout;
        }
        for (int i = 0; i < layers.size(); i++) {
            fill(panels.get(i), layers.get(i));
        }
    }

    private Panel createPanel(LayerActivation l) {
        String name = getTranslation("draw.layer." + l.kind(), l.number());
        if (l.activation() != null) {
            name += " · " + getTranslation("draw.layer.after", ACTIVATION_NAMES.getOrDefault(l.activation(), l.activation()));
        }
        int[] d = l.shape().dims();
        String shape = l.isFeatureMaps() ? getTranslation("draw.layer.maps", d[0], d[1], d[2])
                : getTranslation("draw.layer.units", l.shape().size());
        Span shapeText = new Span(shape + " [" + joinShape(d) + "]");
        shapeText.addClassName("nnlab-layer-shape");
        H4 title = new H4(name);
        Div header = new Div(title, shapeText);
        header.addClassName("nnlab-layer-header");
        Div images = new Div();
        images.addClassName(l.isFeatureMaps() ? "nnlab-maps" : "nnlab-units");
        List<Image> list = new ArrayList<>();
        int count = l.isFeatureMaps() ? d[0] : 1;
        for (int c = 0; c < count; c++) {
            String alt = l.isFeatureMaps() ? getTranslation("draw.layer.map.alt", c + 1)
                    : getTranslation("draw.layer.units.alt", l.shape().size());
            Image img = new Image("", alt);
            img.addClassName(l.isFeatureMaps() ? "nnlab-map" : "nnlab-unit-grid");
            if (l.isFeatureMaps()) {
                img.setTitle(name + " · " + alt);
                // Small maps (5×5) are shown larger, big ones (28×28) at about the same size.
                int side = Math.max(48, Math.min(84, d[2] * 3));
                img.setWidth(side + "px");
                img.setHeight(side * d[1] / d[2] + "px");
            } else {
                int[] grid = grid(l.shape().size());
                int cell = Math.max(8, Math.min(18, 220 / grid[0]));
                img.setWidth(grid[0] * cell + "px");
                img.setHeight(grid[1] * cell + "px");
            }
            list.add(img);
            images.add(img);
        }
        Div root = new Div(header, images);
        root.addClassName("nnlab-layer");
        root.getElement().setAttribute("data-layer", l.kind() + "-" + l.number());
        return new Panel(root, list);
    }

    private static void fill(Panel panel, LayerActivation l) {
        float max = l.maxAbs();
        float high = max > 0 ? max : 1;
        boolean signed = false;
        for (float v : l.values()) {
            if (v < 0) {
                signed = true;
                break;
            }
        }
        float low = signed ? -high : 0;
        if (l.isFeatureMaps()) {
            int[] d = l.shape().dims();
            int plane = d[1] * d[2];
            for (int c = 0; c < d[0]; c++) {
                panel.images().get(c).setSrc(GrayPng.dataUrl(l.values(), c * plane, d[2], d[1], low, high));
            }
        } else {
            int n = l.shape().size();
            int[] grid = grid(n);
            float[] cells = new float[grid[0] * grid[1]];
            java.util.Arrays.fill(cells, low);
            System.arraycopy(l.values(), 0, cells, 0, n);
            panel.images().getFirst().setSrc(GrayPng.dataUrl(cells, 0, grid[0], grid[1], low, high));
        }
    }

    /** Columns and rows for {@code n} units: close to square, exact when a divisor near the root exists. */
    static int[] grid(int n) {
        int root = (int) Math.ceil(Math.sqrt(n));
        for (int cols = root; cols <= root + root / 2; cols++) {
            if (n % cols == 0) {
                return new int[] {cols, n / cols};
            }
        }
        return new int[] {root, (n + root - 1) / root};
    }

    private static String joinShape(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : " × ").append(dims[i]);
        }
        return s.toString();
    }

    int panelCount() {
        return panels.size();
    }
}
