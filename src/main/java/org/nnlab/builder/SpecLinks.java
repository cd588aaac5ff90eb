package org.nnlab.builder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.SpecException;
import org.nnlab.engine.spec.SpecLimits;

/**
 * A spec carried in a URL: the spec's JSON (compact) in base64url without padding, as the {@code spec}
 * query parameter of {@code build} (share link) and {@code train} ("Train this").
 */
public final class SpecLinks {
    public static final String PARAMETER = "spec";

    private SpecLinks() {
    }

    public static String encode(ModelSpec spec) {
        String compact = Json.write(Json.parse(spec.toJson()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(compact.getBytes(StandardCharsets.UTF_8));
    }

    /** The spec in {@code value} within {@link SpecLimits#DEFAULT}: see {@link #decode(String, SpecLimits)}. */
    public static ModelSpec decode(String value) {
        return decode(value, SpecLimits.DEFAULT);
    }

    /**
     * The spec in {@code value}; anything else throws a {@link SpecException} that says what is wrong. A value
     * whose decoded text would be longer than {@code limits} allow is refused before it is decoded.
     */
    public static ModelSpec decode(String value, SpecLimits limits) {
        limits.checkLength(value.length() * 3L / 4);
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new SpecException("engine.spec.link.notBase64", e.getMessage());
        }
        return limits.read(new String(bytes, StandardCharsets.UTF_8));
    }

    /** The relative link that opens {@code route} with {@code spec}, e.g. {@code build?spec=eyJ…}. */
    public static String link(String route, ModelSpec spec) {
        return route + "?" + PARAMETER + "=" + encode(spec);
    }
}
