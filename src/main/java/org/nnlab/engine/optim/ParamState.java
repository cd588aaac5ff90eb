package org.nnlab.engine.optim;

import java.util.IdentityHashMap;
import java.util.Map;
import org.nnlab.engine.layer.Param;

/** Per-parameter float buffers of an optimizer, created with zeros on first use, keyed by Param identity. */
final class ParamState {
    private final Map<Param, float[]> buffers = new IdentityHashMap<>();

    float[] of(Param p) {
        return buffers.computeIfAbsent(p, k -> new float[k.value().size()]);
    }
}
