package org.nnlab.engine.reference;

import java.util.List;
import java.util.Optional;

/** Every reference runner the engine has: add one line per runner. */
public final class ReferenceRunners {
    private static final List<ReferenceRunner> ALL = List.of(
            new BpWorkedExampleRunner(),
            new DenseSoftmaxRunner(),
            new OptimizerRunner(),
            new ConvReferenceRunner(),
            new RecurrentReferenceRunner(),
            new RbmReferenceRunner()
    );

    private ReferenceRunners() {
    }

    public static List<ReferenceRunner> all() {
        return ALL;
    }

    public static Optional<ReferenceRunner> forKind(String kind) {
        return ALL.stream().filter(r -> r.kinds().contains(kind)).findFirst();
    }
}
