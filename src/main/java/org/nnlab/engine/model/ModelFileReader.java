package org.nnlab.engine.model;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.text.Message;

/** Reads the body of a {@link ModelFile} whose header and checksum were already checked. */
final class ModelFileReader {
    private ModelFileReader() {
    }

    static ModelFile.Contents readBody(ByteBuffer in, ModelFileLimits limits, int version) throws ModelFileException {
        try {
            int specLength = in.getInt();
            if (specLength < 0 || specLength > in.remaining()) {
                throw new ModelFileException("engine.modelFile.parts");
            }
            byte[] json = new byte[specLength];
            in.get(json);
            Sequential model;
            try {
                ModelSpec spec = limits.spec().read(new String(json, StandardCharsets.UTF_8));
                checkDeclaredSize(spec, limits, in.remaining());
                model = ModelFile.build(spec);
            } catch (IllegalArgumentException e) {
                throw new ModelFileException("engine.modelFile.spec", Message.explain(e));
            }
            List<Param> params = model.savedTensors();
            int count = in.getInt();
            if (count != params.size()) {
                throw new ModelFileException("engine.modelFile.tensorCount", count, params.size());
            }
            for (int i = 0; i < count; i++) {
                readTensor(in, params.get(i), i);
            }
            Pretraining pretraining = version >= 2 ? PretrainingRecord.read(in, model) : Pretraining.NONE;
            if (in.hasRemaining()) {
                throw new ModelFileException(version >= 2 ? "engine.modelFile.afterPretraining" : "engine.modelFile.afterTensors",
                        in.remaining());
            }
            return new ModelFile.Contents(model, pretraining);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new ModelFileException("engine.modelFile.parts");
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
            throw new ModelFileException("engine.modelFile.parameterLimit", parameters, limits.maxParameters());
        }
        if (parameters > bytesLeft / 4) {
            throw new ModelFileException("engine.modelFile.weightBytes", parameters, 4 * parameters, bytesLeft);
        }
    }

    private static void readTensor(ByteBuffer in, Param param, int index) throws ModelFileException {
        int rank = in.getInt();
        if (rank < 0 || rank > 8) {
            throw new ModelFileException("engine.modelFile.rank", index, rank);
        }
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = in.getInt();
        }
        Shape expected = param.value().shape();
        if (!Arrays.equals(dims, expected.dims())) {
            throw new ModelFileException("engine.modelFile.tensorShape", index, param.name(), Arrays.toString(dims),
                    expected);
        }
        in.asFloatBuffer().get(param.value().data());
        in.position(in.position() + 4 * expected.size());
    }
}
