package org.nnlab.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.engine.json.Json;

/** Small images side by side ({@code <image-grid>}): weights (signed colours) or pixels (gray). */
@Tag("image-grid")
@JsModule("./components/image-grid.ts")
public class ImageGrid extends Component {
    public ImageGrid(String id, boolean signed, int pixelSize) {
        setId(id);
        getElement().setProperty("mode", signed ? "signed" : "gray");
        getElement().setProperty("pixelSize", pixelSize);
    }

    /** {@code count} images of rows×cols, one after another in {@code values}. */
    public void setImages(int count, int rows, int cols, float[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (float v : values) {
            list.add(Double.isFinite(v) ? Math.round(v * 1e4) / 1e4 : 0.0);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count);
        json.put("rows", rows);
        json.put("cols", cols);
        json.put("values", list);
        getElement().setProperty("images", Json.write(json));
    }

    public int getCount() {
        String images = getElement().getProperty("images", "");
        return images.isEmpty() ? 0 : ((Double) ((Map<?, ?>) Json.parse(images)).get("count")).intValue();
    }

    /** Screen pixels per image pixel. */
    void setPixelSize(int size) {
        getElement().setProperty("pixelSize", size);
    }

    void clear() {
        getElement().setProperty("images", "");
    }
}
