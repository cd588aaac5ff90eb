package org.nnlab.base.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine explains a network that does not fit in English sentences of a few fixed shapes (the
 * engine knows nothing of languages). This puts the common ones into Chinese for a Chinese page,
 * numbers and formulas untouched; a sentence of another shape stays as the engine wrote it.
 */
public final class EngineMessages {
    private static final List<Rule> RULES = List.of(
            new Rule("^layer (\\d+) \\(([a-z0-9_]+)\\): (.*)$", m -> "第 " + m.group(1) + " 层（" + m.group(2) + "）：" + chinese(m.group(3))),
            new Rule("^(\\w+): (height|width) (.+?) ([=≈]) ([0-9.]+) is not a whole number: change (.+); or set floor to drop the last partial window \\(floor, as PyTorch does\\)$",
                    m -> m.group(1) + "：" + axis(m.group(2)) + " " + m.group(3) + " " + m.group(4) + " " + m.group(5)
                            + " 不是整数：可以把" + fixes(m.group(6)) + "；或者打开 floor，丢掉最后一个不完整的窗口（和 PyTorch 一样向下取整）"),
            new Rule("^(\\w+): (kernel|window) (height|width) (\\d+) is larger than the padded input (?:height|width) (\\d+) \\((.+)\\): use a (?:kernel|window) (?:height|width) of at most (\\d+) or a padding of at least (\\d+)$",
                    m -> m.group(1) + "：" + window(m.group(2)) + axis(m.group(3)) + " " + m.group(4) + " 比填充后的输入"
                            + axis(m.group(3)) + " " + m.group(5) + "（" + m.group(6) + "）还大：把" + window(m.group(2))
                            + axis(m.group(3)) + "改为不超过 " + m.group(7) + "，或把填充设为至少 " + m.group(8)),
            new Rule("^(\\w+): (kernel|window) (height|width) (\\d+) is larger than the input (?:height|width) (\\d+): use a (?:kernel|window) (?:height|width) of at most (\\d+), or remove a layer before this one that shrinks the input$",
                    m -> m.group(1) + "：" + window(m.group(2)) + axis(m.group(3)) + " " + m.group(4) + " 比输入"
                            + axis(m.group(3)) + " " + m.group(5) + " 还大：把" + window(m.group(2)) + axis(m.group(3))
                            + "改为不超过 " + m.group(6) + "，或删掉前面让输入变小的层"),
            new Rule("^Dense expects a flat input \\[features\\], got (.+); add a Flatten layer before it$",
                    m -> "全连接层（Dense）需要一维输入 [特征数]，但收到的是 " + m.group(1) + "；请在它前面加一个展平层（Flatten）"),
            new Rule("^diverged at step (\\d+): try a smaller learning rate$",
                    m -> "训练在第 " + m.group(1) + " 步发散（损失或权重变成了 NaN 或无穷大）：请调小学习率"),
            new Rule("^a model needs at least one layer; add a Dense layer, for example$",
                    m -> "模型至少需要一层；例如先加一个全连接层（Dense）"),
            new Rule("^(\\w+): expects an input \\[channels, height, width\\], got (\\[[^\\]]*\\]): a flat vector has no rows and columns; use an image input, or Dense layers here$",
                    m -> m.group(1) + "：需要 [通道, 高, 宽] 形状的输入，但收到的是 " + m.group(2) + "：一维向量没有行和列；请改用图像输入，或在这里用全连接层"),
            new Rule("^(\\w+): expects an input \\[channels, height, width\\], got (\\[[^\\]]*\\]): add a channel dimension, e\\.g\\. (.+)$",
                    m -> m.group(1) + "：需要 [通道, 高, 宽] 形状的输入，但收到的是 " + m.group(2) + "：请加上通道这一维，例如 " + m.group(3)),
            new Rule("^(\\w+): expects an input \\[channels, height, width\\], got (\\[[^\\]]*\\]): reduce it to three dimensions$",
                    m -> m.group(1) + "：需要 [通道, 高, 宽] 形状的输入，但收到的是 " + m.group(2) + "：请把它降到三维"));

    private EngineMessages() {
    }

    /** The engine's {@code message} for a page in {@code locale}. */
    public static String localize(String message, Locale locale) {
        if (message == null || !Translations.CHINESE.equals(Translations.supported(locale))) {
            return message;
        }
        return chinese(message);
    }

    private static String chinese(String message) {
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(message);
            if (m.matches()) {
                return rule.replacement().apply(m);
            }
        }
        return message;
    }

    private static String axis(String axis) {
        return "height".equals(axis) ? "高度" : "宽度";
    }

    private static String window(String window) {
        return "kernel".equals(window) ? "卷积核" : "窗口";
    }

    /** "the stride to 1, the padding to 1 or the kernel height to 4 or 6" as a Chinese list. */
    private static String fixes(String english) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("the (stride|padding|kernel height|kernel width|window height|window width) to (\\d+(?: or \\d+)?)")
                .matcher(english);
        while (m.find()) {
            String what = switch (m.group(1)) {
                case "stride" -> "步长";
                case "padding" -> "填充";
                default -> window(m.group(1).split(" ")[0]) + axis(m.group(1).split(" ")[1]);
            };
            out.add(what + "改为 " + m.group(2).replace(" or ", " 或 "));
        }
        return out.isEmpty() ? english : String.join("，或把", out);
    }

    private record Rule(Pattern pattern, Function<Matcher, String> replacement) {
        Rule(String regex, Function<Matcher, String> replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }
}
