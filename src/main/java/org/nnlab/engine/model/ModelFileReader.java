package org.nnlab.engine.model;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;

/** Reads the body of a {@link ModelFile} whose header and checksum were already checked. */
final class ModelFileReader {
    private ModelFileReader() {
    }

    static ModelFile.Contents readBody(ByteBuffer in, ModelFileLimits limits, int version) throws ModelFileException {
        try {
            int specLength = in.getInt();
            if (specLength < 0 || specLength > in.remaining()) {
                throw new ModelFileException("model file is corrupted: its parts do not add up to its length");
            }
            byte[] json = new byte[specLength];
            in.get(json);
            Sequential model;
            try {
                ModelSpec spec = limits.spec().read(new String(json, StandardCharsets.UTF_8));
                checkDeclaredSize(spec, limits, in.remaining());
                model = ModelFile.build(spec);
            } catch (IllegalArgumentException e) {
                throw new ModelFileException("model file has an unusable spec: " + e.getMessage());
            }
            List<Param> params = model.savedTensors();
            int count = in.getInt();
            if (count != params.size()) {
                throw new ModelFileException("model file holds " + count + " tensors but its spec has "
                        + params.size() + " parameters");
            }
            for (int i = 0; i < count; i++) {
                readTensor(in, params.get(i), i);
            }
            Pretraining pretraining = version >= 2 ? PretrainingRecord.read(in, model) : Pretraining.NONE;
            if (in.hasRemaining()) {
                throw new ModelFileException("model file has " + in.remaining() + " unexpected bytes after its "
                        + (version >= 2 ? "pretraining record" : "tensors"));
            }
            return new ModelFile.Contents(model, pretraining);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new ModelFileException("model file is corrupted: its parts do not add up to its length");
        }
    }

    /**
     * Refuses a spec over the limits, or one whose parameters need more bytes than the file has left, before
     * the network (its weights, gradients and layer state) is allocated.
     */
    private static void checkDeclaredSize(ModelSpec spec, ModelFileLimits limits, int bytesLeft)
            throws ModelFileException {
        long parameters = spec.paramCount();
        if (parameters > limits.maxParameters()) {
            throw new ModelFileException("model file declares " + parameters + " parameters; the limit is "
                    + limits.maxParameters());
        }
        if (parameters > bytesLeft / 4) {
            throw new ModelFileException("model file is corrupted: its spec declares " + parameters
                    + " parameters (" + 4 * parameters + " bytes of weights) but only " + bytesLeft
                    + " bytes follow the spec");
        }
    }

    private static void readTensor(ByteBuffer in, Param param, int index) throws ModelFileException {
        int rank = in.getInt();
        if (rank < 0 || rank > 8) {
            throw new ModelFileException("model file is corrupted: tensor " + index + " has rank " + rank);
        }
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = in.getInt();
        }
        Shape expected = param.value().shape();
        if (!Arrays.equals(dims, expected.dims())) {
            throw new ModelFileException("model file does not match its spec: tensor " + index + " (" + param.name()
                    + ") has shape " + Arrays.toString(dims) + " but the model needs " + expected);
        }
        in.asFloatBuffer().get(param.value().data());
        in.position(in.position() + 4 * expected.size());
    }
}
