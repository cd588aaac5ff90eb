package org.nnlab.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nnlab.engine.layer.Layer;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.model.ModelFileLimits;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.spec.BatchNormSpec;
import org.nnlab.engine.spec.BidirectionalSpec;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.ConvPoolBlockSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.DropoutSpec;
import org.nnlab.engine.spec.GruSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LeakyReluSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.spec.PoolSpec;
import org.nnlab.engine.spec.SimpleRnnSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.text.Message;
import org.nnlab.onnx.OnnxImport.Step;
import org.nnlab.onnx.proto.Onnx.ModelProto;
import org.nnlab.onnx.proto.Onnx.StringStringEntryProto;

/** Turns the imported layers into a checked spec and a network holding the file's weights. */
final class OnnxWeights {
    private OnnxWeights() {
    }

    static Sequential build(Shape input, List<Step> steps, ModelProto file, ModelFileLimits limits) throws OnnxException {
        ModelSpec spec;
        try {
            spec = new ModelSpec(input, steps.stream().map(Step::spec).toList());
            spec.validate();
        } catch (IllegalArgumentException e) {
            throw new OnnxException("engine.onnx.import.invalid", Message.explain(e));
        }
        if (spec.paramCount() > limits.maxParameters()) {
            throw new OnnxException("engine.onnx.import.tooLarge", "model", limits.maxParameters());
        }
        spec = ourSpec(file, spec, limits);
        Sequential model = Sequential.build(spec, new SplittableRandom(0));
        List<float[]> params = new ArrayList<>();
        List<float[]> state = new ArrayList<>();
        for (Step s : steps) {
            params.addAll(s.params());
            state.addAll(s.state());
        }
        fill(model.params(), params);
        fill(model.layers().stream().flatMap((Layer l) -> l.state().stream()).toList(), state);
        return model;
    }

    private static void fill(List<Param> into, List<float[]> values) throws OnnxException {
        if (into.size() != values.size()) {
            throw new OnnxException("engine.onnx.import.weightCount", into.size(), values.size());
        }
        for (int i = 0; i < into.size(); i++) {
            float[] dst = into.get(i).value().data();
            if (dst.length != values.get(i).length) {
                throw new OnnxException("engine.onnx.import.tensorSize", into.get(i).name(), dst.length,
                        values.get(i).length);
            }
            System.arraycopy(values.get(i), 0, dst, 0, dst.length);
        }
    }

    /** The spec the file carries in its metadata when it describes the same computation, else {@code imported}. */
    private static ModelSpec ourSpec(ModelProto file, ModelSpec imported, ModelFileLimits limits) {
        for (StringStringEntryProto e : file.getMetadataPropsList()) {
            if (e.getKey().equals(OnnxModel.SPEC)) {
                try {
                    ModelSpec carried = ModelSpec.fromJson(e.getValue(), limits.spec());
                    if (carried.input().equals(imported.input())
                            && computation(carried).equals(computation(imported))) {
                        return carried;
                    }
                } catch (RuntimeException ignored) {
                    // a spec that does not read is ignored: the graph itself is what counts
                }
            }
        }
        return imported;
    }

    /** What a spec computes at inference, without training settings: one entry per basic layer. */
    static List<Object> computation(ModelSpec spec) {
        List<Object> out = new ArrayList<>();
        Shape shape = spec.input();
        for (LayerSpec layer : spec.layers()) {
            List<LayerSpec> parts = layer instanceof ConvPoolBlockSpec b ? b.expand() : List.of(layer);
            for (LayerSpec part : parts) {
                out.add(basic(part, shape));
                shape = part.outputShape(shape);
            }
        }
        return out;
    }

    private static Object basic(LayerSpec layer, Shape in) {
        return switch (layer) {
            case DenseSpec d -> "dense " + d.units();
            case Conv2dSpec c -> "conv " + c.filters() + " " + c.geometry(in);
            case PoolSpec p -> p.kind() + " " + p.geometry(in);
            case BatchNormSpec b -> "batch_norm " + OnnxImport.round((float) b.epsilon());
            case DropoutSpec d -> "dropout " + OnnxImport.round((float) d.rate());
            case LeakyReluSpec l -> "leaky_relu " + OnnxImport.round((float) l.slope());
            case SimpleRnnSpec r -> new SimpleRnnSpec(r.units(), r.returnSequences());
            case LstmSpec r -> new LstmSpec(r.units(), r.returnSequences());
            case GruSpec r -> new GruSpec(r.units(), r.returnSequences());
            case BidirectionalSpec b -> List.of("bidirectional", basic(b.layer(), in));
            default -> layer;
        };
    }
}
