package org.nnlab.digits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.tensor.Shape;
import org.springframework.stereotype.Service;

/**
 * Every digit model a user can pick, from all {@link DigitModelSource}s, and loaded copies of them to
 * run. A {@link Sequential} serves one thread at a time, so each model keeps a small pool of copies:
 * a caller borrows one, uses it and gives it back; under load more copies are loaded.
 */
@Service
public class DigitModels {
    private static final int POOL_LIMIT = 8;

    private final List<DigitModelSource> sources;
    private final Map<String, ConcurrentLinkedDeque<Sequential>> pools = new ConcurrentHashMap<>();

    public DigitModels(List<DigitModelSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The models {@code owner} may use (null: public ones only), the default first; ids are unique. */
    public List<DigitModel> available(String owner) {
        Map<String, DigitModel> byId = new LinkedHashMap<>();
        for (DigitModelSource source : sources) {
            for (DigitModel m : source.models(owner)) {
                byId.putIfAbsent(m.id(), m);
            }
        }
        return new ArrayList<>(byId.values());
    }

    public Optional<DigitModel> find(String id, String owner) {
        return available(owner).stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The first model on offer (the shipped CNN when it is there). */
    public Optional<DigitModel> defaultModel(String owner) {
        List<DigitModel> all = available(owner);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
    }

    /** Runs {@code work} on a copy of {@code model} that no other thread uses meanwhile. */
    public <T> T withNetwork(DigitModel model, Function<Sequential, T> work) {
        ConcurrentLinkedDeque<Sequential> pool = pools.computeIfAbsent(model.id(), id -> new ConcurrentLinkedDeque<>());
        Sequential network = pool.pollFirst();
        if (network == null) {
            network = load(model);
        }
        try {
            return work.apply(network);
        } finally {
            if (pool.size() < POOL_LIMIT) {
                pool.offerFirst(network);
            }
        }
    }

    /** Forgets the loaded copies of a model (call when its weights changed, e.g. a user model was retrained). */
    public void evict(String id) {
        pools.remove(id);
    }

    private static Sequential load(DigitModel model) {
        Sequential network;
        try {
            network = model.loader().load();
        } catch (IOException e) {
            throw new UncheckedIOException("model '" + model.id() + "' could not be loaded: " + e.getMessage(), e);
        }
        if (!network.spec().input().equals(Mnist.IMAGE_SHAPE)) {
            throw new IllegalStateException("model '" + model.id() + "' takes input " + network.spec().input()
                    + ", but digit models must take " + Mnist.IMAGE_SHAPE);
        }
        Shape out = network.spec().outputShape();
        if (out.size() != 10) {
            throw new IllegalStateException("model '" + model.id() + "' gives " + out
                    + " outputs, but digit models must give 10 (one per digit)");
        }
        return network;
    }
}
