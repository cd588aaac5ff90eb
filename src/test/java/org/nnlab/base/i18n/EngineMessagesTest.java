package org.nnlab.base.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.json.JsonException;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.ModelFileException;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.MaxPool2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.ReluSpec;
import org.nnlab.engine.spec.Size2;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.text.Message;

/** The engine's explanations come from the real engine and are put into Chinese by their keys. */
class EngineMessagesTest {
    private static final Pattern ENGLISH_WORDS = Pattern.compile("\\b(the|is|not|add|use|change|expects|layer|got|or)\\b");

    private static String chinese(ModelSpec spec) {
        SpecException e = assertThrows(SpecException.class, spec::validate);
        String zh = EngineMessages.localize(e, Locale.SIMPLIFIED_CHINESE);
        assertEquals(e.getMessage(), EngineMessages.localize(e, Locale.ENGLISH), "English pages keep the engine's text");
        assertFalse(ENGLISH_WORDS.matcher(zh).find(), "left in English: " + zh);
        return zh;
    }

    @Test
    void outputSizeThatIsNotAWholeNumberKeepsTheFormulaAndTheFixes() {
        String zh = chinese(ModelSpec.of(Shape.of(1, 28, 28),
                new Conv2dSpec(5, Size2.of(5), Size2.of(2), Size2.of(0), false, false)));
        assertTrue(zh.startsWith("第 1 层（conv2d）：Conv2d：高度 (28 + 2·0 − 5) / 2 + 1 = 12.5 不是整数：可以把步幅改为 1"), zh);
        assertTrue(zh.contains("卷积核高度改为 4 或 6") && zh.contains("floor"), zh);
    }

    @Test
    void divergenceSaysWhatToDo() {
        Message diverged = Message.of("engine.train.diverged", 12);
        assertEquals("训练在第 12 步发散（损失或权重变成了 NaN 或无穷大）：请调小学习率",
                EngineMessages.localize(diverged, Locale.SIMPLIFIED_CHINESE));
        assertEquals("diverged at step 12: try a smaller learning rate", EngineMessages.localize(diverged, Locale.ENGLISH));
    }

    @Test
    void windowLargerThanTheInput() {
        assertTrue(chinese(ModelSpec.of(Shape.of(1, 3, 3), new MaxPool2dSpec(Size2.of(4), Size2.of(1), false)))
                .contains("窗口高度 4 比输入高度 3 还大"));
        assertTrue(chinese(ModelSpec.of(Shape.of(1, 3, 3),
                new Conv2dSpec(2, Size2.of(7), Size2.of(1), Size2.of(1), false, false)))
                .contains("卷积核高度 7 比填充后的输入高度 5（3 + 2·1）还大"));
    }

    @Test
    void flatInputsEmptyModelsAndMissingChannels() {
        assertTrue(chinese(ModelSpec.of(Shape.of(1, 28, 28), new ReluSpec(), new DenseSpec(10))).contains("展平层"));
        assertTrue(chinese(ModelSpec.of(Shape.of(784),
                new Conv2dSpec(2, Size2.of(3), Size2.of(1), Size2.of(0), false, false))).contains("一维向量没有行和列"));
        assertTrue(chinese(ModelSpec.of(Shape.of(28, 28),
                new Conv2dSpec(2, Size2.of(3), Size2.of(1), Size2.of(0), false, false))).contains("请加上通道这一维"));
        assertEquals("模型至少需要一层；例如先加一个全连接层（Dense）", chinese(ModelSpec.of(Shape.of(4))));
    }

    @Test
    void settingsRefusedByALayerAreTranslatedToo() {
        SpecException e = assertThrows(SpecException.class, () -> new DenseSpec(0));
        assertEquals("Dense needs at least 1 unit, got units=0", e.getMessage());
        assertEquals("全连接层（Dense）至少需要 1 个单元，但收到的是 units=0", EngineMessages.localize(e, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void nestedJsonAndModelFileErrorsAreTranslatedThroughout() {
        SpecException spec = assertThrows(SpecException.class, () -> ModelSpec.fromJson("{\"format\": "));
        assertTrue(spec.getMessage().startsWith("model spec is not valid JSON: JSON error at line 1, column 12: "), spec.getMessage());
        assertEquals("模型描述不是有效的 JSON：JSON 错误（第 1 行，第 12 列）：输入意外结束，这里应该有一个值",
                EngineMessages.localize(spec, Locale.SIMPLIFIED_CHINESE));

        SpecException list = assertThrows(SpecException.class, () -> ModelSpec.fromJson("[1]"));
        assertEquals("model spec must be a JSON object {…}, got a list", list.getMessage());
        assertEquals("模型描述必须是 JSON 对象 {…}，但收到的是 一个列表", EngineMessages.localize(list, Locale.SIMPLIFIED_CHINESE));

        JsonException json = assertThrows(JsonException.class, () -> Json.parse("[1, 2", 100, 4));
        assertFalse(ENGLISH_WORDS.matcher(EngineMessages.localize(json, Locale.SIMPLIFIED_CHINESE)).find());

        ModelFileException file = assertThrows(ModelFileException.class, () -> ModelFile.fromBytes("PNG!....".getBytes()));
        assertEquals("not an NN Lab model file: it does not start with \"NNLM\"", file.getMessage());
        assertEquals("这不是 NN Lab 模型文件：它不是以 “NNLM” 开头的", EngineMessages.localize(file, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aMessageFromOutsideTheEngineIsShownAsItIs() {
        assertEquals("disk full", EngineMessages.localize(new IllegalStateException("disk full"), Locale.SIMPLIFIED_CHINESE));
    }
}
