package org.nnlab.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnlab.engine.json.Json;
import org.nnlab.persistence.ModelStore;
import org.nnlab.persistence.ModelSummary;
import org.springframework.stereotype.Service;

/**
 * Keeps a finished run among the owner's saved models: its model file (the best checkpoint) with the
 * run's figures as metrics JSON.
 */
@Service
public class SavedRuns {
    private final TrainingService training;
    private final ModelStore models;

    public SavedRuns(TrainingService training, ModelStore models) {
        this.training = training;
        this.models = models;
    }

    /**
     * Saves the owner's finished job {@code id} under {@code name}.
     *
     * @throws TrainingRefusedException while the job is still going or when it never built a model
     * @throws org.nnlab.persistence.ModelStoreException when the name or the owner's storage refuses it
     */
    public ModelSummary save(String owner, JobId id, String name) {
        byte[] file = training.modelFile(owner, id);
        return models.save(owner, name, file, metricsJson(training.snapshot(owner, id)));
    }

    /** The figures stored with a saved model: network, length of the run, size, accuracies, outcome. */
    static String metricsJson(JobSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", s.networkName());
        m.put("epochs", s.epoch());
        m.put("steps", s.step());
        m.put("parameters", s.parameters());
        if (s.confusion() != null) {
            m.put("testAccuracy", Math.round(s.confusion().accuracy() * 1e5) / 1e5);
        }
        if (Double.isFinite(s.bestValidationAccuracy())) {
            m.put("validationAccuracy", Math.round(s.bestValidationAccuracy() * 1e5) / 1e5);
            m.put("bestEpoch", s.bestEpoch() + 1);
        }
        m.put("outcome", s.state().name());
        return Json.write(m);
    }
}
