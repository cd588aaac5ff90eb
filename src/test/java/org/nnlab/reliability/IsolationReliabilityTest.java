package org.nnlab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nnlab.builder.SavedSpecService;
import org.nnlab.digits.DrawingCollection;
import org.nnlab.digits.Strokes;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.data.DigitPreprocessor;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.optim.OptimizerConfig;
import org.nnlab.engine.optim.OptimizerKind;
import org.nnlab.engine.spec.DenseSpec;
import org.nnlab.engine.spec.FlattenSpec;
import org.nnlab.engine.spec.ModelSpec;
import org.nnlab.engine.tensor.Shape;
import org.nnlab.engine.tensor.Tensor;
import org.nnlab.persistence.ModelStore;
import org.nnlab.persistence.ModelSummary;
import org.nnlab.persistence.SavedDigitModels;
import org.nnlab.training.DataChoice;
import org.nnlab.training.JobId;
import org.nnlab.training.JobNotFoundException;
import org.nnlab.training.ManualTraining;
import org.nnlab.training.TrainingData;
import org.nnlab.training.TrainingProperties;
import org.nnlab.training.TrainingRequest;
import org.nnlab.training.TrainingService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two owners, as two browsers with different owner cookies are: neither can see, download, change,
 * delete, pause, stop or follow what the other has (training jobs, saved models, saved networks,
 * drawings), not even with the other's ids in hand, nor by guessing neighbouring ids, nor with owner
 * strings that look like SQL or like the other's id. Uses the same server settings as the classify probes
 * so the two share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nnlab.classify.rate-limit.burst=1000000", "nnlab.classify.rate-limit.per-second=1000000"})
@ActiveProfiles("test")
class IsolationReliabilityTest {
    @Autowired
    ModelStore models;
    @Autowired
    SavedDigitModels digitModels;
    @Autowired
    SavedSpecService specs;
    @Autowired
    DrawingCollection drawings;
    @LocalServerPort
    int port;

    private final String alice = UUID.randomUUID().toString();
    private final String mallory = UUID.randomUUID().toString();

    /** Owner strings an intruder might try instead of their own. */
    private List<String> intruders() {
        return List.of(mallory, alice.toUpperCase(), alice + " ", " " + alice, alice.substring(0, 35), "%",
                "' OR '1'='1", alice + "' --", "*");
    }

    private static final ModelSpec DIGITS = ModelSpec.of(Shape.of(1, 28, 28), new FlattenSpec(), new DenseSpec(10));

    @Test
    void savedModelsStayWithTheirOwner() throws IOException {
        ModelSummary saved = models.save(alice, "alice's digits",
                ModelFile.toBytes(Sequential.build(DIGITS, new SplittableRandom(1))), null);
        ModelSummary uploaded = models.upload(alice, "uploaded",
                new ByteArrayInputStream(ModelFile.toBytes(Sequential.build(DIGITS, new SplittableRandom(2)))));
        for (String intruder : intruders()) {
            for (ModelSummary m : List.of(saved, uploaded)) {
                assertTrue(models.find(intruder, m.id()).isEmpty(), intruder);
                assertTrue(models.download(intruder, m.id()).isEmpty(), intruder);
                assertTrue(models.load(intruder, m.id()).isEmpty(), intruder);
                assertFalse(models.rename(intruder, m.id(), "mine now"), intruder);
                assertFalse(models.delete(intruder, m.id()), intruder);
            }
            assertEquals(List.of(), models.list(intruder), intruder);
            assertEquals(List.of(), models.listWithSpecs(intruder), intruder);
            assertEquals(List.of(), digitModels.models(intruder), intruder);
        }
        for (String guess : List.of(UUID.randomUUID().toString(), "%", "' OR '1'='1", "", saved.id().toUpperCase())) {
            assertTrue(models.download(alice, guess).isEmpty(), guess);
            assertFalse(models.delete(mallory, guess), guess);
        }
        assertEquals(2, models.list(alice).size(), "nothing of alice's was changed");
        assertEquals("alice's digits", models.find(alice, saved.id()).orElseThrow().name());
        assertEquals(2, digitModels.models(alice).size());
    }

    @Test
    void theClassifyApiOffersNoOwnersModelEvenWithItsId() throws Exception {
        ModelSummary saved = models.save(alice, "alice's digits",
                ModelFile.toBytes(Sequential.build(DIGITS, new SplittableRandom(3))), null);
        HttpResponse<String> r = Probes.post(Probes.client(), "http://127.0.0.1:" + port + "/api/v1/classify?model="
                + URLEncoder.encode(saved.id(), StandardCharsets.UTF_8), "application/json", Probes.utf8(Probes.validJson()));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("unknown model '" + saved.id() + "'"), r.body());
    }

    @Test
    void savedNetworksStayWithTheirOwner() {
        SavedSpecService.Entry entry = specs.save(alice, "alice's net", Presets.XOR.spec());
        for (String intruder : intruders()) {
            assertTrue(specs.load(intruder, entry.id()).isEmpty(), intruder);
            assertFalse(specs.delete(intruder, entry.id()), intruder);
            assertEquals(List.of(), specs.list(intruder), intruder);
        }
        specs.save(mallory, "alice's net", Presets.PERCEPTRON.spec());
        for (String guess : List.of(UUID.randomUUID().toString(), "%", "' OR '1'='1", "")) {
            assertFalse(specs.delete(mallory, guess), guess);
        }
        assertEquals(List.of(entry.id()), specs.list(alice).stream().map(SavedSpecService.Entry::id).toList(),
                "a same-named save by someone else replaced nothing");
        assertEquals(Presets.XOR.spec(), specs.load(alice, entry.id()).orElseThrow());
    }

    @Test
    void drawingsStayWithTheirOwnerEvenWhenNeighbouringIdsAreGuessed() {
        GrayImage one = new DigitPreprocessor().process(Strokes.one(112)).centred();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(drawings.add(alice, one, 1, 1, "mnist-cnn"));
        }
        long mine = drawings.add(mallory, one, 7, 7, "mnist-cnn");
        for (long guess = ids.getFirst() - 5; guess <= mine + 5; guess++) {
            if (guess != mine) {
                assertFalse(drawings.delete(mallory, guess), "id " + guess);
            }
        }
        for (String intruder : intruders()) {
            assertEquals(intruder.equals(mallory) ? 1 : 0, drawings.count(intruder), intruder);
            assertTrue(drawings.list(intruder).stream().noneMatch(d -> ids.contains(d.id())), intruder);
            assertTrue(drawings.newest(intruder, 100).stream().noneMatch(d -> ids.contains(d.id())), intruder);
            assertEquals(0, drawings.countsByLabel(intruder)[1], intruder);
        }
        assertEquals(1, drawings.deleteAll(mallory));
        assertEquals(3, drawings.count(alice), "mallory's delete-all left alice's drawings");
        assertEquals(3, drawings.asTrainingSet(alice).size());
    }

    @Test
    void trainingJobsStayWithTheirOwner() {
        ManualTraining manual = new ManualTraining(TrainingProperties.defaults(), new TinyData());
        TrainingService training = manual.service();
        try {
            JobId job = training.start(alice, TinyData.request()).id();
            List<Runnable> attempts = new ArrayList<>();
            for (String intruder : intruders()) {
                attempts.add(() -> training.snapshot(intruder, job));
                attempts.add(() -> training.pause(intruder, job));
                attempts.add(() -> training.resume(intruder, job));
                attempts.add(() -> training.step(intruder, job));
                attempts.add(() -> training.stop(intruder, job));
                attempts.add(() -> training.request(intruder, job));
                attempts.add(() -> training.modelFile(intruder, job));
                attempts.add(() -> training.confusionExamples(intruder, job, 0, 0));
                attempts.add(() -> training.subscribe(intruder, job, s -> { }));
                attempts.add(() -> training.snapshot(intruder, new JobId(job.value().toUpperCase())));
                assertEquals(List.of(), training.jobsOf(intruder), intruder);
            }
            for (int i = 0; i < 100; i++) {
                JobId guess = JobId.random();
                attempts.add(() -> training.stop(mallory, guess));
                attempts.add(() -> training.snapshot(alice, guess));
            }
            for (Runnable attempt : attempts) {
                assertThrows(JobNotFoundException.class, attempt::run);
            }
            assertEquals(0, training.subscriberCount());
            assertEquals(List.of(job), training.jobsOf(alice).stream().map(s -> s.id()).toList());
            assertFalse(training.snapshot(alice, job).state().isFinal(), "nobody else stopped it");
        } finally {
            manual.close();
        }
    }

    /** Three classes of 4×4 images, made on the spot: enough to start a job, no files needed. */
    private static final class TinyData implements TrainingData {
        static final ModelSpec SPEC = ModelSpec.of(Shape.of(1, 4, 4), new FlattenSpec(), new DenseSpec(3));

        static TrainingRequest request() {
            return new TrainingRequest("tiny", SPEC, new DataChoice("tiny", 60),
                    new OptimizerConfig(OptimizerKind.SGD, 0.1, 0, 0), 10, 1, 7, false, 0.2);
        }

        @Override
        public Sets load(DataChoice choice) {
            return new Sets(make(choice.size()), make(30));
        }

        @Override
        public int trainingSize(DataChoice choice) {
            return choice.size();
        }

        private static Dataset make(int n) {
            float[] x = new float[n * 16];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % 3;
                for (int p = y[i] * 4; p < y[i] * 4 + 4; p++) {
                    x[i * 16 + p] = 1;
                }
            }
            return new Dataset(new Tensor(Shape.of(n, 1, 4, 4), x), y);
        }
    }
}
