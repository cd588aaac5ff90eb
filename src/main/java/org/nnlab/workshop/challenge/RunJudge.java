package org.nnlab.workshop.challenge;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.nnlab.engine.spec.Conv2dSpec;
import org.nnlab.engine.spec.ConvPoolBlockSpec;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.LayerSpec;
import org.nnlab.engine.spec.LstmSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.training.TrainingService;

/**
 * Decides whether a participant's finished run enters a challenge: it must have ended while the challenge
 * was open, within its parameter budget and epochs, and read digits (784 values in, 10 scores out); a run
 * that passes is scored on the objective. The reasons are text keys under {@code challenge.refused}.
 */
final class RunJudge {
    /** Scores a run's model on a challenge's objective: its accuracy 0..1. */
    interface Scorer {
        double score(TrainingService.EndedRun run, Challenge.Objective objective);
    }

    private RunJudge() {
    }

    static Entry judge(Challenge c, String participantId, TrainingService.EndedRun run, Instant finishedAt,
                       Scorer scorer) {
        ModelSpec spec = run.request().spec();
        long parameters = spec.paramCount();
        int epochs = run.request().epochs();
        String refusal = null;
        List<String> args = List.of();
        if (!c.isOpen(finishedAt)) {
            refusal = "closed";
        } else if (parameters > c.maxParameters()) {
            refusal = "parameters";
            args = List.of(Long.toString(parameters), Long.toString(c.maxParameters()));
        } else if (epochs > c.maxEpochs()) {
            refusal = "epochs";
            args = List.of(Integer.toString(epochs), Integer.toString(c.maxEpochs()));
        } else if (spec.input().size() != 28 * 28 || !spec.outputShape().equals(Shape.of(10))) {
            refusal = "notDigits";
        }
        double accuracy = Double.NaN;
        if (refusal == null) {
            accuracy = scorer.score(run, c.objective());
            if (Double.isNaN(accuracy)) {
                refusal = "noTestData";
            }
        }
        return new Entry(0, c.id(), participantId, run.snapshot().id().toString(), refusal == null,
                refusal == null ? null : "challenge.refused." + refusal, args, accuracy, parameters,
                summary(run.request().networkName(), spec), spec.toJson(), finishedAt);
    }

    /** The network in one line, e.g. {@code mlp: flatten → dense 64 → relu → dense 10}. */
    static String summary(String name, ModelSpec spec) {
        return name + ": " + spec.layers().stream().map(RunJudge::layer).collect(Collectors.joining(" → "));
    }

    private static String layer(LayerSpec layer) {
        return switch (layer) {
            case DenseSpec d -> "dense " + d.units();
            case Conv2dSpec c -> "conv " + c.filters();
            case ConvPoolBlockSpec b -> "conv-pool " + b.filters();
            case LstmSpec l -> "lstm " + l.units();
            default -> layer.kind();
        };
    }
}
