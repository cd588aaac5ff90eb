package org.nnlab.digits;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;

/** Reads a request body up to a byte limit, refusing a larger one before buffering more than the limit. */
record RequestBodies(int maxBytes) {

    /** {@code declared}: the Content-Length, or -1 when the client did not state one. */
    byte[] read(InputStream in, long declared) {
        if (declared > maxBytes) {
            throw tooLarge(declared + " bytes");
        }
        try (in) {
            byte[] body = in.readNBytes(maxBytes);
            if (body.length == maxBytes && in.read() != -1) {
                throw tooLarge("more than " + maxBytes + " bytes");
            }
            if (body.length == 0) {
                throw new ClassifyRefusal(HttpStatus.BAD_REQUEST, "the request body is empty");
            }
            return body;
        } catch (IOException e) {
            throw new ClassifyRefusal(HttpStatus.BAD_REQUEST, "the request body could not be read: " + e.getMessage());
        }
    }

    private ClassifyRefusal tooLarge(String size) {
        return new ClassifyRefusal(HttpStatus.BAD_REQUEST, "the request body is too large (" + size + "); the limit is "
                + maxBytes + " bytes");
    }
}
