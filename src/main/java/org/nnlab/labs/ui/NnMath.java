package org.nnlab.labs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** A formula typeset by KaTeX in the browser ({@code <nn-math>}), from its TeX source; inline or displayed. */
@Tag("nn-math")
@JsModule("./components/nn-math.ts")
@NpmPackage(value = "katex", version = "0.19.1")
public class NnMath extends Component {
    public NnMath(String tex) {
        this(tex, false);
    }

    public NnMath(String tex, boolean display) {
        setTex(tex);
        getElement().setProperty("display", display);
    }

    public void setTex(String tex) {
        getElement().setProperty("tex", tex);
    }

    public String getTex() {
        return getElement().getProperty("tex", "");
    }

    public boolean isDisplay() {
        return getElement().getProperty("display", false);
    }
}
