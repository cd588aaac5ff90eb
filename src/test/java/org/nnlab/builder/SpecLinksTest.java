package org.nnlab.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.spec.SpecException;

class SpecLinksTest {
    @Test
    void roundTripsEveryPresetThroughAUrlSafeValue() {
        for (Presets.Preset p : Presets.in(Presets.Offer.BUILDER)) {
            String value = SpecLinks.encode(p.spec());
            assertTrue(value.matches("[A-Za-z0-9_-]+"), value);
            assertEquals(p.spec(), SpecLinks.decode(value));
        }
        String json = new String(Base64.getUrlDecoder().decode(SpecLinks.encode(Presets.XOR.spec())), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"format\":\"nnlab-model-spec\""), json);
        assertFalse(json.contains("\n"));
        assertTrue(SpecLinks.link("build", Presets.XOR.spec()).startsWith("build?spec=eyJ"));
    }

    @Test
    void garbageSaysWhatIsWrong() {
        SpecException e = assertThrows(SpecException.class, () -> SpecLinks.decode("%%%"));
        assertTrue(e.getMessage().contains("not base64url"), e.getMessage());
        String notJson = Base64.getUrlEncoder().encodeToString("{oops".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(SpecException.class, () -> SpecLinks.decode(notJson)).getMessage()
                .startsWith("model spec is not valid JSON"));
    }
}
