package org.nnlab.digits;

import java.util.List;

/**
 * Somewhere digit models come from. Every Spring bean implementing this adds its models to
 * {@link DigitModels}, in {@code @Order} order: the shipped defaults come first; a source of the
 * user's own trained models returns those that belong to {@code owner}.
 */
public interface DigitModelSource {
    /**
     * The models this source offers to {@code owner} (an opaque id of one browser session; null for
     * anonymous callers such as the REST API, who get only public models).
     */
    List<DigitModel> models(String owner);
}
