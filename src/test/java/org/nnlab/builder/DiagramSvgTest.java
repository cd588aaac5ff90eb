package org.nnlab.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DiagramSvgTest {
    @Test
    void oneBlockPerLayerPlusTheInputWithShapesAndArrows() throws Exception {
        NetworkAnalysis a = NetworkAnalysis.of(Presets.DIGIT_CNN.spec());
        Document svg = parse(DiagramSvg.render(a, k -> "<" + k + ">", p -> p + " params", "Input", "misfit", -1));
        NodeList groups = svg.getElementsByTagName("g");
        assertEquals(1 + 9, groups.getLength());
        assertEquals(9, svg.getElementsByTagName("line").getLength());
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("<conv2d>"), "labels are escaped and kept");
        assertTrue(text.contains("[5, 24, 24]  ·  130 params"), text);
        assertTrue(text.contains("[20, 4, 4]"), text);
    }

    @Test
    void theMisfitIsRedAndLaterLayersAreDashed() throws Exception {
        ModelSpec cnn = Presets.DIGIT_CNN.spec();
        java.util.List<org.nnlab.engine.spec.LayerSpec> layers = new java.util.ArrayList<>(cnn.layers());
        layers.set(3, Conv2dSpec.of(20, 15));
        NetworkAnalysis a = NetworkAnalysis.of(new ModelSpec(cnn.input(), layers));
        Document svg = parse(DiagramSvg.render(a, k -> k, p -> p + "", "Input", "does not fit", -1));
        NodeList rects = svg.getElementsByTagName("rect");
        assertEquals("#dc2626", ((Element) rects.item(4)).getAttribute("stroke"));
        assertTrue(((Element) rects.item(4).getParentNode()).getTextContent().contains("does not fit"));
        assertTrue(((Element) rects.item(5)).hasAttribute("stroke-dasharray"));
        assertTrue(!((Element) rects.item(3)).hasAttribute("stroke-dasharray"));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
