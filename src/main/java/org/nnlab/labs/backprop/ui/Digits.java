package org.nnlab.labs.backprop.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers the way the notes write them: nine decimals, trailing zeros dropped; tiny ones as 3.5102e-5. */
final class Digits {
    private Digits() {
    }

    static String of(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) < 1e-4) {
            return scientific(v, 5);
        }
        return new BigDecimal(v).setScale(9, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** {@code v} with {@code significant} digits in the form 3.5102e-5. */
    static String scientific(double v, int significant) {
        String s = String.format(Locale.ROOT, "%." + (significant - 1) + "e", v);
        int e = s.indexOf('e');
        return s.substring(0, e) + "e" + Integer.parseInt(s.substring(e + 1));
    }
}
