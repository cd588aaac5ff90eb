package org.nnlab.onnx;

import org.nnlab.engine.model.ModelFileException;

/**
 * An ONNX file NN Lab cannot read, or a model it cannot write as ONNX: a keyed message of the engine's bundle
 * that names the first operator, attribute or layer that does not map. It is a {@link ModelFileException}, so
 * every place that refuses a damaged model file refuses such a file the same way.
 */
public final class OnnxException extends ModelFileException {
    public OnnxException(String key, Object... arguments) {
        super(key, arguments);
    }
}
