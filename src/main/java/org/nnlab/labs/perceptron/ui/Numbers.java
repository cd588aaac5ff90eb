package org.nnlab.labs.perceptron.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as the perceptron lab writes them: at most four decimals, no trailing zeros, a real minus sign. */
final class Numbers {
    private Numbers() {
    }

    static String of(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String text = d.signum() == 0 ? "0" : d.toPlainString();
        return text.replace('-', '−');
    }

    /** A vector as (a, b) or a lone number for one component. */
    static String vector(double[] v) {
        if (v.length == 1) {
            return of(v[0]);
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ", ").append(of(v[i]));
        }
        return s.append(')').toString();
    }

    static String vector(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return vector(d);
    }
}
