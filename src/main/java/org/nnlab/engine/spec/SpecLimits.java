package org.nnlab.engine.spec;


/**
 * How large a network description taken from outside (a link, pasted or uploaded JSON) may be: at most
 * {@code maxLayers} layers and at most {@code maxJsonChars} characters of JSON. The length is checked before
 * the text is parsed and the layer count before any layer is decoded, so an oversized description is refused
 * in about the time it takes to count it. Every preset has fewer than 20 layers; {@link #DEFAULT} leaves room
 * for deep networks a learner may build by hand.
 */
public record SpecLimits(int maxLayers, int maxJsonChars) {
    public static final SpecLimits DEFAULT = new SpecLimits(100, 200_000);

    public SpecLimits {
        if (maxLayers < 1 || maxJsonChars < 100) {
            throw new IllegalArgumentException("spec limits need maxLayers >= 1 and maxJsonChars >= 100, got "
                    + maxLayers + " and " + maxJsonChars);
        }
    }

    /** Reads {@code json} as a spec within these limits (not yet validated: see {@link ModelSpec#validate()}). */
    public ModelSpec read(String json) {
        return ModelSpec.fromJson(json, this);
    }

    /** Refuses a description of {@code chars} characters when that is over {@link #maxJsonChars}. */
    public void checkLength(long chars) {
        if (chars > maxJsonChars) {
            throw new SpecLimitException(SpecLimitException.Limit.CHARACTERS, chars, maxJsonChars);
        }
    }

    /** Refuses a network of {@code layers} layers when that is over {@link #maxLayers}. */
    public void checkLayers(long layers) {
        if (layers > maxLayers) {
            throw new SpecLimitException(SpecLimitException.Limit.LAYERS, layers, maxLayers);
        }
    }

    /** Checks a spec made in place (not read from text), e.g. after adding a layer. */
    public void check(ModelSpec spec) {
        checkLayers(spec.layers().size());
    }
}
