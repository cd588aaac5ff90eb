package org.nnlab.engine.rbm;

import org.nnlab.engine.model.Pretraining;
import org.nnlab.engine.model.Sequential;

/**
 * A network initialised from a {@link Dbn}, ready for fine-tuning with the ordinary trainer, and the record of
 * its pretraining that its model file keeps ({@code ModelFile.toBytes(model, pretraining)}).
 */
public record DbnClassifier(Sequential model, Pretraining pretraining) {
}
