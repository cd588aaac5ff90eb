package org.nnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.engine.data.Dataset;
import org.nnlab.engine.data.IdxFiles;
import org.nnlab.engine.data.Mnist;
import org.nnlab.engine.model.ModelFile;
import org.nnlab.engine.model.Presets;
import org.nnlab.engine.model.Sequential;
import org.nnlab.engine.layer.Param;
import org.nnlab.engine.spec.TrainingMemory;

/**
 * The scheduler driven by hand ({@link ManualTraining}): no worker threads, the test runs each turn itself,
 * so every outcome is deterministic. A slice is 2 mini-batches.
 */
class TrainingServiceTest {
    private final SyntheticData data = new SyntheticData();
    private ManualTraining lab;
    private TrainingService service;

    TrainingServiceTest() {
        use(properties(40, 5, 120), data);
    }

    private static TrainingProperties properties(int maxActive, int maxQueued, long keepMinutes) {
        return new TrainingProperties(2, 1_000_000, 2, 1, maxActive, maxQueued, 1000, 100_000, 5, 3, keepMinutes);
    }

    private void use(TrainingProperties properties, TrainingData source) {
        use(new ManualTraining(properties, source));
    }

    private void use(ManualTraining manual) {
        if (lab != null) {
            lab.close();
        }
        lab = manual;
        service = manual.service();
    }

    private void service(int maxActive, int maxQueued) {
        use(properties(maxActive, maxQueued, 120), data);
    }

    @AfterEach
    void close() {
        lab.close();
    }

    private int runSlices(int count) {
        return lab.runSlices(count);
    }

    private void runUntilIdle() {
        lab.runUntilIdle();
    }

    @Test
    void thirtyJobsAdvanceEvenly() {
        List<JobId> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(service.start("user" + i, SyntheticData.request(300, 5, 0.1)).id());
        }
        runSlices(30 * 6 + 7);
        double[] steps = new double[30];
        for (int i = 0; i < 30; i++) {
            JobSnapshot s = service.snapshot("user" + i, ids.get(i));
            assertEquals(JobState.RUNNING, s.state());
            steps[i] = s.step();
        }
        double mean = java.util.Arrays.stream(steps).average().orElseThrow();
        assertTrue(mean >= 12, "every job should have run about 6 slices of 2 batches, mean steps " + mean);
        for (int i = 0; i < 30; i++) {
            assertTrue(Math.abs(steps[i] - mean) <= 0.25 * mean,
                    "job " + i + " made " + steps[i] + " steps, mean " + mean);
        }
    }

    /** Stop, then Start at once: the stopped run has not had its last turn yet, but it no longer counts as the owner's. */
    @Test
    void aStoppedRunFreesItsOwnersPlaceBeforeItHasEnded() {
        JobId first = service.start("sam", SyntheticData.request(300, 5, 0.1)).id();
        runSlices(2);
        assertFalse(service.stop("sam", first).isFinal(), "the run ends at its next turn");
        JobId second = service.start("sam", SyntheticData.request(300, 5, 0.1)).id();
        assertThrows(TrainingRefusedException.class, () -> service.start("sam", SyntheticData.request(300, 5, 0.1)),
                "the new run counts");
        runUntilIdle();
        assertEquals(JobState.CANCELLED, service.snapshot("sam", first).state());
        assertEquals(JobState.FINISHED, service.snapshot("sam", second).state());
        assertNotNull(service.start("sam", SyntheticData.request(300, 1, 0.1)), "both ended: the count is back to zero");
    }

    @Test
    void aJobRunsToTheEndWithHistoriesAndAConfusionMatrix() {
        JobSnapshot started = service.start("ann", SyntheticData.request(100, 3, 0.2));
        runUntilIdle();
        JobSnapshot s = service.snapshot("ann", started.id());
        assertEquals(JobState.FINISHED, s.state());
        assertEquals(1.0, s.progress());
        assertEquals(3, s.epochHistory().size());
        assertEquals(3 * 8, s.step(), "80 training samples in batches of 10 for 3 epochs");
        assertFalse(s.train().isEmpty());
        assertEquals(s.train().size(), s.health().size());
        assertEquals(List.of("2 dense"), s.layerNames());
        assertEquals(60, java.util.Arrays.stream(s.confusion().counts()).sum());
        assertTrue(s.confusion().accuracy() > 0.8, "the classes are easy; accuracy " + s.confusion().accuracy());
        double best = s.epochHistory().stream().mapToDouble(JobSnapshot.EpochPoint::validationAccuracy).max().orElseThrow();
        assertEquals(best, s.bestValidationAccuracy());
        assertNotNull(s.visuals());
        assertEquals(1, s.visuals().histograms().size());
        Sequential model = assertDoesNotThrowModel(service.modelFile("ann", started.id()));
        assertEquals(SyntheticData.SPEC, model.spec());
    }

    private static Sequential assertDoesNotThrowModel(byte[] bytes) {
        try {
            return ModelFile.fromBytes(bytes);
        } catch (Exception e) {
            throw new AssertionError("the model file does not read back: " + e.getMessage(), e);
        }
    }

    @Test
    void pauseStopsSlicesStepRunsOneBatchResumeGoesOn() {
        JobId id = service.start("bob", SyntheticData.request(200, 2, 0.1)).id();
        runSlices(2);
        assertEquals(4, service.snapshot("bob", id).step());
        assertEquals(JobState.PAUSED, service.pause("bob", id).state());
        assertFalse(lab.runNextSlice(), "a paused job gets no slices");
        assertEquals(4, service.snapshot("bob", id).step());

        service.step("bob", id);
        assertTrue(lab.runNextSlice());
        JobSnapshot stepped = service.snapshot("bob", id);
        assertEquals(5, stepped.step(), "one step is one mini-batch");
        assertEquals(JobState.PAUSED, stepped.state());
        assertEquals(5, stepped.health().getLast().step(), "a single step reports layer statistics");
        assertFalse(lab.runNextSlice());

        assertEquals(JobState.RUNNING, service.resume("bob", id).state());
        runSlices(1);
        assertEquals(7, service.snapshot("bob", id).step());
    }

    @Test
    void theConfusionMatrixFollowsTheRunAtEveryValidation() {
        JobId id = service.start("val", SyntheticData.request(200, 3, 0.1)).id();
        runSlices(1);
        assertNull(service.snapshot("val", id).confusion(), "nothing scored before the first validation");
        JobSnapshot s;
        while ((s = service.snapshot("val", id)).epoch() < 1) {
            assertTrue(runSlices(1) == 1, "the job still trains");
        }
        assertEquals(JobState.RUNNING, s.state());
        assertNotNull(s.confusion(), "scored on the test images at the end of the first epoch");
        assertEquals(60, java.util.Arrays.stream(s.confusion().counts()).sum());
        assertTrue(service.confusionExamples("val", id, 0, 0).length > 0, "a cell's images can be looked at during the run");
        runUntilIdle();
        assertEquals(JobState.FINISHED, service.snapshot("val", id).state());
    }

    @Test
    void theTimeLeftIsUnknownUntilTheSpeedIsMeasuredLongEnough() {
        JobId id = service.start("eta", SyntheticData.request(2000, 5, 0.1)).id();
        runSlices(3);
        JobSnapshot s = service.snapshot("eta", id);
        assertTrue(s.samplesPerSecond() > 0, "the speed is shown from the first slice");
        assertTrue(Double.isNaN(s.secondsLeft()), "no time left after a few quick slices: " + s.secondsLeft());
    }

    @Test
    void oneStepAfterPauseTrainsExactlyOneMiniBatchOnRealWorkers() throws InterruptedException {
        TrainingProperties properties = new TrainingProperties(2, 50, 8, 1, 40, 5, 1000, 1_000_000, 5, 3, 120);
        try (SliceScheduler workers = new SliceScheduler(properties);
             TrainingService real = new TrainingService(properties, data, null, RunJournal.NONE, workers,
                     new Admission(properties))) {
            JobId id = real.start("pat", SyntheticData.request(20_000, 20, 0.1)).id();
            while (real.snapshot("pat", id).step() < 20) {
                Thread.sleep(5);
            }
            assertEquals(JobState.PAUSED, real.pause("pat", id).state());
            awaitIdle(workers);
            int paused = real.snapshot("pat", id).step();
            for (int i = 1; i <= 3; i++) {
                JobSnapshot asked = real.step("pat", id);
                assertEquals(JobState.PAUSED, asked.state());
                awaitIdle(workers);
                JobSnapshot stepped = real.snapshot("pat", id);
                assertEquals(paused + i, stepped.step(), "step " + i + " after the pause");
                assertEquals(paused + i, stepped.health().getLast().step(), "each step reports its layer statistics");
                assertEquals(JobState.PAUSED, stepped.state());
            }
            real.stop("pat", id);
            awaitIdle(workers);
            assertEquals(JobState.CANCELLED, real.snapshot("pat", id).state());
        }
    }

    /** Waits (up to a generous limit, not a timing assertion) until no slice waits or runs. */
    private static void awaitIdle(SliceScheduler workers) throws InterruptedException {
        long give = System.nanoTime() + 60_000_000_000L;
        while (workers.pending() > 0) {
            assertTrue(System.nanoTime() < give, "the workers never became idle");
            Thread.sleep(2);
        }
    }

    @Test
    void stopCancelsInTheMiddleOfAnEpoch() {
        JobId id = service.start("cat", SyntheticData.request(200, 1, 0.1)).id();
        runSlices(2);
        service.stop("cat", id);
        runUntilIdle();
        JobSnapshot s = service.snapshot("cat", id);
        assertEquals(JobState.CANCELLED, s.state());
        assertEquals(4, s.step());
        assertEquals(0, s.epoch(), "cancelled before the first epoch ended");
        assertTrue(s.progress() > 0 && s.progress() < 1);
        assertNotNull(s.confusion(), "what was trained so far is scored");
        assertNotNull(service.modelFile("cat", id));
    }

    @Test
    void divergenceFailsTheJobWithTheEnginesExplanation() {
        use(service.properties().withMaxLearningRate(1e39), data);
        JobId id = service.start("dan", SyntheticData.request(200, 3, 3e38)).id();
        runUntilIdle();
        java.lang.ref.WeakReference<Dataset> trainedOn = new java.lang.ref.WeakReference<>(data.lastTraining);
        data.lastTraining = null;
        JobSnapshot s = service.snapshot("dan", id);
        assertEquals(JobState.FAILED, s.state());
        assertTrue(s.message().english().contains("diverged"), s.message().english());
        Sequential model = assertDoesNotThrowModel(service.modelFile("dan", id));
        for (Param p : model.params()) {
            assertTrue(p.value().allFinite(), "the kept weights are the last good ones");
        }
        for (int i = 0; i < 20 && trainedOn.get() != null; i++) {
            System.gc();
        }
        assertEquals(null, trainedOn.get(), "a failed job drops its trainer and everything it trained on");
        assertEquals(0, lab.reservedBytes());
    }

    @Test
    void limitsAreRefusedWithTextKeys() {
        service.start("eve", SyntheticData.request(100, 1, 0.1));
        assertKey("train.error.tooManyRunning", () -> service.start("eve", SyntheticData.request(100, 1, 0.1)));
        var big = new TrainingRequest("big", org.nnlab.engine.spec.ModelSpec.of(org.nnlab.engine.tensor.Shape.of(1, 4, 4),
                new org.nnlab.engine.spec.FlattenSpec(), new org.nnlab.engine.spec.DenseSpec(100)),
                new DataChoice("synthetic", 100), SyntheticData.request(1, 1, 1).optimizer(), 10, 1, 1, false, 0);
        assertKey("train.error.tooManyParameters", () -> service.start("fay", big));
        assertKey("train.error.tooManySamples", () -> service.start("fay", SyntheticData.request(50_001, 2, 0.1)));
        assertKey("train.error.noData", () -> service.start("fay", new TrainingRequest("x", SyntheticData.SPEC,
                new DataChoice("nope", 10), SyntheticData.request(1, 1, 1).optimizer(), 10, 1, 1, false, 0)));
    }

    @Test
    void jobsBeyondThePlacesWaitWithAPositionAndAFullQueueRefuses() {
        service(1, 2);
        JobId first = service.start("a", SyntheticData.request(100, 1, 0.1)).id();
        JobSnapshot second = service.start("b", SyntheticData.request(100, 1, 0.1));
        JobSnapshot third = service.start("c", SyntheticData.request(100, 1, 0.1));
        assertEquals(JobState.QUEUED, second.state());
        assertEquals(1, second.queuePosition());
        assertEquals(2, third.queuePosition());
        assertKey("train.error.queueFull", () -> service.start("d", SyntheticData.request(100, 1, 0.1)));

        service.stop("a", first);
        runSlices(1);
        assertEquals(JobState.CANCELLED, service.snapshot("a", first).state());
        assertEquals(JobState.RUNNING, service.snapshot("b", second.id()).state());
        assertEquals(1, service.snapshot("c", third.id()).queuePosition());
        service.stop("c", third.id());
        assertEquals(JobState.CANCELLED, service.snapshot("c", third.id()).state(), "a waiting job ends at once");
    }

    @Test
    void nobodySeesOrStopsAnotherPersonsJob() {
        JobId id = service.start("owner", SyntheticData.request(100, 1, 0.1)).id();
        assertKey("train.error.notFound", () -> service.snapshot("intruder", id));
        assertKey("train.error.notFound", () -> service.pause("intruder", id));
        assertKey("train.error.notFound", () -> service.stop("intruder", id));
        assertKey("train.error.notFound", () -> service.subscribe("intruder", id, s -> { }));
        assertKey("train.error.notFound", () -> service.snapshot("owner", JobId.random()));
        assertTrue(service.jobsOf("intruder").isEmpty());
        assertEquals(JobState.RUNNING, service.snapshot("owner", id).state());
        assertNotEquals(id, service.start("other", SyntheticData.request(100, 1, 0.1)).id());
        assertEquals(36, id.value().length(), "a random UUID");
    }

    @Test
    void aReloadedPageFindsItsJobAndAClosedPageHoldsNothing() {
        JobId id = service.start("session-1", SyntheticData.request(200, 1, 0.1)).id();
        List<JobSnapshot> seen = new CopyOnWriteArrayList<>();
        Subscription first = service.subscribe("session-1", id, seen::add);
        runSlices(1);
        first.close();
        assertEquals(0, service.subscriberCount());

        JobSnapshot found = service.latestJobOf("session-1").orElseThrow();
        assertEquals(id, found.id());
        assertEquals(2, found.step(), "the job went on while nobody watched? it ran one slice");
        try (Subscription again = service.subscribe("session-1", id, seen::add)) {
            assertEquals(1, service.subscriberCount());
        }
        assertEquals(0, service.subscriberCount());
    }

    @Test
    void aPageThatHasGoneIsDroppedOnItsNextUpdate() throws InterruptedException {
        JobId id = service.start("gone", SyntheticData.request(200, 1, 0.1)).id();
        int[] calls = {0};
        service.subscribe("gone", id, s -> {
            if (++calls[0] > 1) {
                throw new IllegalStateException("UI detached");
            }
        });
        Thread.sleep(250);
        runSlices(2);
        assertEquals(0, service.subscriberCount());
    }

    @Test
    void updatesAreCoalescedToAboutFivePerSecondAndTheFinalOneAlwaysArrives() throws InterruptedException {
        JobId id = service.start("fast", SyntheticData.request(2000, 25, 0.05)).id();
        List<JobSnapshot> seen = new CopyOnWriteArrayList<>();
        List<Long> times = new CopyOnWriteArrayList<>();
        service.subscribe("fast", id, s -> {
            seen.add(s);
            times.add(System.nanoTime());
        });
        long start = System.nanoTime();
        int slices = runSlices(300);
        double seconds = (System.nanoTime() - start) / 1e9;
        service.stop("fast", id);
        runUntilIdle();
        Thread.sleep(50);
        assertTrue(slices >= 300, "ran " + slices + " slices");
        assertTrue(seen.size() <= 2 + Math.ceil(seconds * 5) + 1,
                seen.size() + " updates in " + seconds + " s, more than about 5 a second");
        assertEquals(JobState.CANCELLED, seen.getLast().state(), "the final update arrives and comes last");
        for (int i = 2; i < times.size() - 1; i++) {
            assertTrue(times.get(i) - times.get(i - 1) >= 190_000_000L, "updates " + i + " came too close together: "
                    + times.stream().map(t -> (t - start) / 1_000_000).toList() + " ms, " + seen.stream().map(JobSnapshot::state).toList());
        }
    }

    @Test
    void endedJobsAreForgottenAfterTheirTimeAndOlderOnesWhenThereAreTooMany() {
        for (int i = 0; i < 5; i++) {
            JobId id = service.start("kim", SyntheticData.request(50, 1, 0.1)).id();
            runUntilIdle();
            assertEquals(JobState.FINISHED, service.snapshot("kim", id).state());
        }
        assertEquals(4, service.jobsOf("kim").size(), "3 ended jobs are kept when a 4th starts, plus that one");
        lab.forgetExpiredJobsIn(0);
        assertEquals(4, service.jobsOf("kim").size(), "not yet expired");

        use(properties(40, 5, 0), data);
        service.start("lee", SyntheticData.request(50, 1, 0.1));
        runUntilIdle();
        lab.forgetExpiredJobsIn(0);
        assertTrue(service.jobsOf("lee").isEmpty());
    }

    /**
     * 200 samples less a fifth for validation train in 16 batches of 10; 205 leave 164, so each epoch ends with a
     * batch of 4, and the layers keep buffers for both sizes: admission counts the second set (and the five more
     * samples' indices).
     */
    @Test
    void theMemoryARunNeedsCountsTheShorterLastBatchOfEachEpoch() {
        long even = TrainingService.memoryNeeded(SyntheticData.request(200, 1, 0.1), 200);
        long uneven = TrainingService.memoryNeeded(SyntheticData.request(205, 1, 0.1), 205);
        long lastBatch = TrainingMemory.of(SyntheticData.SPEC, 10, 4, 0).total() - TrainingMemory.of(SyntheticData.SPEC, 10, 0).total();
        assertTrue(lastBatch > 0);
        assertEquals(lastBatch + 5 * 3 * Integer.BYTES, uneven - even);
    }

    @Test
    void aForgottenPauseIsStoppedSoItsMemoryGoesToTheNextRun() {
        TrainingRequest run = SyntheticData.request(200, 1, 0.1);
        long needed = TrainingService.memoryNeeded(run, 200);
        use(service.properties().withMemoryLimits(needed, needed * 3 / 2).withMaxPausedMinutes(1), data);
        JobId first = service.start("ann", run).id();
        runSlices(1);
        service.pause("ann", first);
        JobId second = service.start("bob", run).id();
        lab.forgetExpiredJobsIn(0);
        assertEquals(JobState.QUEUED, service.snapshot("bob", second).state(), "a pause under a minute is kept");

        lab.forgetExpiredJobsIn(2);
        runUntilIdle();
        assertEquals(JobState.CANCELLED, service.snapshot("ann", first).state(), "stopped after the longest pause");
        assertTrue(service.modelFile("ann", first).length > 0, "what it trained can still be saved");
        assertEquals(JobState.FINISHED, service.snapshot("bob", second).state(), "the waiting run got the memory");
        assertEquals(0, lab.reservedBytes());
    }

    @Test
    void aPausedJobGivesUpItsPlaceAndGetsOneBackWhenResumed() {
        service(1, 5);
        JobId first = service.start("pia", SyntheticData.request(200, 1, 0.1)).id();
        JobId second = service.start("quinn", SyntheticData.request(200, 1, 0.1)).id();
        runSlices(1);
        assertEquals(2, service.snapshot("pia", first).step());
        assertEquals(JobState.QUEUED, service.snapshot("quinn", second).state());

        assertEquals(JobState.PAUSED, service.pause("pia", first).state());
        assertEquals(JobState.RUNNING, service.snapshot("quinn", second).state(), "the waiting job takes the place");
        assertEquals(1, lab.placesTaken());
        assertTrue(lab.runNextSlice());
        assertEquals(2, service.snapshot("quinn", second).step(), "and trains");

        service.step("pia", first);
        runSlices(2);
        assertEquals(4, service.snapshot("quinn", second).step(), "the running job had its turn too");
        assertEquals(3, service.snapshot("pia", first).step(), "a paused job still single-steps without a place");
        assertEquals(JobState.PAUSED, service.snapshot("pia", first).state());

        JobSnapshot resumed = service.resume("pia", first);
        assertEquals(JobState.QUEUED, resumed.state(), "every place is taken: it waits");
        assertEquals(1, resumed.queuePosition(), "first in line, as it had a place before");
        JobId third = service.start("rae", SyntheticData.request(200, 1, 0.1)).id();
        assertEquals(2, service.snapshot("rae", third).queuePosition());

        service.stop("quinn", second);
        runSlices(1);
        assertEquals(JobState.CANCELLED, service.snapshot("quinn", second).state());
        assertEquals(JobState.RUNNING, service.snapshot("pia", first).state(), "the resumed job gets the freed place");
        assertEquals(1, service.snapshot("rae", third).queuePosition());
        runSlices(1);
        assertEquals(5, service.snapshot("pia", first).step(), "it goes on where it stopped");
    }

    @Test
    void aPausedJobResumesAtOnceWhenAPlaceIsFreeAndStopsCleanlyWhileWaiting() {
        service(1, 5);
        JobId first = service.start("sam", SyntheticData.request(200, 1, 0.1)).id();
        runSlices(1);
        service.pause("sam", first);
        assertEquals(0, lab.placesTaken(), "paused: no place held");
        assertEquals(JobState.RUNNING, service.resume("sam", first).state());
        assertEquals(1, lab.placesTaken());

        service.pause("sam", first);
        JobId other = service.start("tom", SyntheticData.request(200, 1, 0.1)).id();
        assertEquals(JobState.RUNNING, service.snapshot("tom", other).state());
        assertEquals(JobState.QUEUED, service.resume("sam", first).state());
        service.stop("sam", first);
        runSlices(1);
        JobSnapshot stopped = service.snapshot("sam", first);
        assertEquals(JobState.CANCELLED, stopped.state());
        assertNotNull(stopped.confusion(), "what it had trained is scored, though it was waiting");
        assertEquals(0, lab.waiting(), "nothing waits any more");
    }

    @Test
    void jobsOnMnistShareOneLoadedCopyAndAugmentationLeavesItUnchanged(@TempDir Path dir) throws Exception {
        Path mnistDir = org.nnlab.datasets.DataDirectory.mnist(dir);
        Files.createDirectories(mnistDir);
        SplittableRandom rng = new SplittableRandom(11);
        writeMnist(mnistDir, Mnist.Split.TRAIN, 300, rng);
        writeMnist(mnistDir, Mnist.Split.TEST, 80, rng);
        MnistTrainingData mnist = new MnistTrainingData(dir.toString());
        List<TrainingData.Sets> handedOut = new CopyOnWriteArrayList<>();
        TrainingData recording = new TrainingData() {
            @Override
            public Sets load(DataChoice choice) throws java.io.IOException {
                Sets sets = mnist.load(choice);
                handedOut.add(sets);
                return sets;
            }

            @Override
            public int trainingSize(DataChoice choice) {
                return mnist.trainingSize(choice);
            }
        };
        use(new TrainingProperties(2, 1_000_000, 2, 1, 40, 5, 100_000, 1_000_000, 5, 3, 120), recording);

        Dataset stored = mnist.load(DataChoice.mnist(0)).train();
        float[] before = stored.inputs().data().clone();
        JobId full = service.start("uma", mnistRequest(DataChoice.mnist(0), true)).id();
        JobId subset = service.start("vic", mnistRequest(DataChoice.mnist(200), true)).id();
        runSlices(2);
        assertEquals(2, handedOut.size());
        TrainingData.Sets a = handedOut.get(0);
        TrainingData.Sets b = handedOut.get(1);
        assertTrue(a.train().sharesStorageWith(stored), "the full-set job keeps no copy of its own");
        assertTrue(b.train().sharesStorageWith(stored), "a subset is a view of the same images");
        assertTrue(a.test().sharesStorageWith(b.test()), "the test images are shared too");
        assertTrue(mnist.load(DataChoice.mnist(0)).train().sharesStorageWith(stored), "loaded once");

        runUntilIdle();
        JobSnapshot fullRun = service.snapshot("uma", full);
        assertEquals(JobState.FINISHED, fullRun.state(), String.valueOf(fullRun.message()));
        assertEquals(2 * 9, fullRun.step(), "300 images less the 10 % held out: 270, 9 batches of 32 an epoch");
        assertEquals(JobState.FINISHED, service.snapshot("vic", subset).state());
        assertEquals(2 * 6, service.snapshot("vic", subset).step(), "180 images: 6 batches an epoch");
        assertTrue(java.util.Arrays.equals(before, stored.inputs().data()), "augmented training changed the shared images");
    }

    private static TrainingRequest mnistRequest(DataChoice choice, boolean augment) {
        return new TrainingRequest("perceptron", Presets.DIGIT_PERCEPTRON.spec(), choice,
                new org.nnlab.engine.optim.OptimizerConfig(org.nnlab.engine.optim.OptimizerKind.SGD, 0.1, 0, 0),
                32, 2, 3, augment, 0.1);
    }

    private static void writeMnist(Path dir, Mnist.Split split, int count, SplittableRandom rng) throws Exception {
        byte[] pixels = new byte[count * 784];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
            for (int p = 0; p < 784; p++) {
                pixels[i * 784 + p] = (byte) (p % 28 == 2 * labels[i] + 4 ? 200 + rng.nextInt(56) : rng.nextInt(40));
            }
        }
        IdxFiles.write(dir.resolve(split.imagesFile()), IdxFiles.images(count, 28, 28, pixels));
        IdxFiles.write(dir.resolve(split.labelsFile()), IdxFiles.labels(labels));
    }

    /** Own images of [1, 4, 4] like the synthetic set's, per owner. */
    private static final class Mine implements OwnImages {
        final java.util.Map<String, Integer> counts = new java.util.HashMap<>();

        @Override
        public int count(String owner) {
            return counts.getOrDefault(owner, 0);
        }

        @Override
        public org.nnlab.engine.data.LabeledImages load(String owner) {
            org.nnlab.engine.data.Dataset d = SyntheticData.make(count(owner), 9);
            int[] labels = new int[d.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = d.label(i);
            }
            return new org.nnlab.engine.data.LabeledImages(4, 4, d.inputs().data(), labels);
        }
    }

    private static TrainingRequest onDrawings(int epochs) {
        TrainingRequest r = SyntheticData.request(1, epochs, 0.2);
        return new TrainingRequest("tiny", r.spec(), DataChoice.drawings(), r.optimizer(), r.batchSize(), epochs,
                r.seed(), false, r.validationFraction());
    }

    @Test
    void aPersonTrainsOnTheirOwnDrawingsAndIsTestedOnTheTestImages() {
        Mine mine = new Mine();
        mine.counts.put("ivy", 35);
        mine.counts.put("joe", DataChoice.MIN_DRAWINGS - 1);
        use(new ManualTraining(new TrainingProperties(2, 1_000_000, 2, 1, 40, 5, 1000, 100_000, 5, 3, 120), data, mine,
                RunJournal.NONE));

        assertEquals(35, service.drawingCount("ivy"));
        TrainingRefusedException few = assertThrows(TrainingRefusedException.class, () -> service.start("joe", onDrawings(1)));
        assertEquals("train.error.tooFewDrawings", few.messageKey());
        assertEquals(List.of(DataChoice.MIN_DRAWINGS - 1, DataChoice.MIN_DRAWINGS), List.of(few.arguments()));
        assertKey("train.error.tooFewDrawings", () -> service.start("kay", onDrawings(1)));

        JobId id = service.start("ivy", onDrawings(2)).id();
        runUntilIdle();
        JobSnapshot s = service.snapshot("ivy", id);
        assertEquals(JobState.FINISHED, s.state(), String.valueOf(s.message()));
        assertEquals(2 * 4, s.step(), "35 drawings (fewer than 50: none held out) in batches of 10, 2 epochs");
        assertEquals(60, java.util.Arrays.stream(s.confusion().counts()).sum(), "scored on the 60 test images");

        try (ManualTraining without = new ManualTraining(service.properties(), data)) {
            assertKey("train.error.noData", () -> without.service().start("ivy", onDrawings(1)));
        }
    }

    private static void assertKey(String key, org.junit.jupiter.api.function.Executable call) {
        TrainingRefusedException e = assertThrows(TrainingRefusedException.class, call);
        assertEquals(key, e.messageKey(), e.getMessage());
    }
}
