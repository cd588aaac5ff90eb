package org.nnlab.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.tensor.Shape;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class SavedSpecServiceTest {
    @Autowired
    SavedSpecService saved;

    @Test
    void eachOwnerSeesOnlyTheirOwnSpecsAndANameIsReplaced() {
        String alice = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        SavedSpecService.Entry first = saved.save(alice, "  net  ", Presets.XOR.spec());
        assertEquals("net", first.name());
        SavedSpecService.Entry second = saved.save(alice, "net", Presets.DIGIT_CNN.spec());
        saved.save(bob, "other", Presets.PERCEPTRON.spec());

        List<SavedSpecService.Entry> mine = saved.list(alice);
        assertEquals(List.of("net"), mine.stream().map(SavedSpecService.Entry::name).toList());
        assertEquals(Presets.DIGIT_CNN.spec(), saved.load(alice, second.id()).orElseThrow());
        assertTrue(saved.load(bob, second.id()).isEmpty(), "someone else's id gives nothing");
        assertFalse(saved.delete(bob, second.id()));
        assertTrue(saved.delete(alice, second.id()));
        assertTrue(saved.list(alice).isEmpty());
    }

    @Test
    void anInvalidSpecOrNameIsNotStored() {
        String owner = UUID.randomUUID().toString();
        ModelSpec bad = ModelSpec.of(Shape.of(1, 28, 28), Conv2dSpec.of(5, 5).withStride(2));
        assertThrows(SpecException.class, () -> saved.save(owner, "bad", bad));
        assertThrows(IllegalArgumentException.class, () -> saved.save(owner, " ", Presets.XOR.spec()));
        assertTrue(saved.list(owner).isEmpty());
    }
}
