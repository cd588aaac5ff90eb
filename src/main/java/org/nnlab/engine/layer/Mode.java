package org.nnlab.engine.layer;

/** Whether a forward pass trains (dropout active, batch statistics updated) or only infers. */
public enum Mode {
    TRAIN,
    INFER
}
