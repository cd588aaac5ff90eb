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

    static Sequential readBody(ByteBuffer in) throws ModelFileException {
        try {
            int specLength = in.getInt();
            if (specLength < 0 || specLength > in.remaining()) {
                throw new ModelFileException("model file is corrupted: its parts do not add up to its length");
            }
            byte[] json = new byte[specLength];
            in.get(json);
            Sequential model;
            try {
                model = ModelFile.build(ModelSpec.fromJson(new String(json, StandardCharsets.UTF_8)));
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
            if (in.hasRemaining()) {
                throw new ModelFileException("model file has " + in.remaining() + " unexpected bytes after its tensors");
            }
            return model;
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new ModelFileException("model file is corrupted: its parts do not add up to its length");
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
