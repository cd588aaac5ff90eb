package org.nnlab.digits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.engine.json.Json;
import org.nnlab.engine.json.JsonException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Binds a JSON body to a {@link PixelsRequest}: reads at most {@code nnlab.classify.max-request-bytes}
 * (a larger body is refused before it is buffered), parses it with the strict engine parser (no NaN,
 * no duplicate members, a nesting limit) and refuses, as a {@link ClassifyRefusal}, any body that is not
 * 784 finite values between 0 and 1.
 */
@Component
class PixelsRequestReader extends AbstractHttpMessageConverter<PixelsRequest> {
    private final RequestBodies bodies;

    PixelsRequestReader(@Value("${nnlab.classify.max-request-bytes:1048576}") int maxRequestBytes) {
        super(MediaType.APPLICATION_JSON);
        this.bodies = new RequestBodies(maxRequestBytes);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return type == PixelsRequest.class;
    }

    @Override
    protected boolean canWrite(MediaType mediaType) {
        return false;
    }

    @Override
    protected PixelsRequest readInternal(Class<? extends PixelsRequest> type, HttpInputMessage input) throws IOException {
        byte[] body = bodies.read(input.getBody(), input.getHeaders().getContentLength());
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    static PixelsRequest parse(String text) {
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (JsonException e) {
            throw new LocalizedException("api.error.notJson", "the body is not valid JSON: " + e.getMessage(),
                    e.explanation());
        }
        if (!(parsed instanceof Map<?, ?> object) || !(object.get("pixels") instanceof List<?> list)) {
            throw refusal("expected a JSON object with \"pixels\": an array of 784 numbers (28×28, row-major)");
        }
        if (list.size() != PixelsRequest.PIXELS) {
            throw refusal("\"pixels\" must hold 784 numbers (28×28, row-major), got " + list.size());
        }
        float[] pixels = new float[PixelsRequest.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw refusal("pixels[" + i + "] is not a number: " + Json.write(list.get(i)));
            }
            double v = n.doubleValue();
            if (!Double.isFinite(v)) {
                throw refusal("pixels[" + i + "] is not a finite number (" + v + ")");
            }
            if (v < 0 || v > 1) {
                throw refusal("pixels[" + i + "] is " + v + "; values must lie between 0 (background) and 1 (ink)");
            }
            pixels[i] = (float) v;
        }
        return new PixelsRequest(pixels);
    }

    private static ClassifyRefusal refusal(String message) {
        return new ClassifyRefusal(HttpStatus.BAD_REQUEST, message);
    }

    @Override
    protected void writeInternal(PixelsRequest request, HttpOutputMessage output) {
        throw new UnsupportedOperationException("a pixels request is only read");
    }
}
