package org.nnlab.training;

/** What a job leaves to look at and keep: its model file once it is over, the test images behind a confusion cell. */
final class JobResults {
    private JobResults() {
    }

    /** @throws TrainingRefusedException while the job is still going or when it never built a model */
    static byte[] modelFile(TrainingJob job) {
        JobState state = job.state();
        if (!state.isFinal()) {
            throw new TrainingRefusedException("train.error.notFinished", "the job is still " + state);
        }
        byte[] bytes = job.modelFile();
        if (bytes == null) {
            throw new TrainingRefusedException("train.error.noModel", "the job ended before it built a model");
        }
        return bytes;
    }

    /** The test images of one confusion-matrix cell (up to a dozen); none for a cell that does not exist. */
    static float[][] confusionExamples(TrainingJob job, int actual, int predicted) {
        JobSnapshot.Confusion c = job.records.seen().confusion();
        if (c == null || actual < 0 || predicted < 0 || actual >= c.classes() || predicted >= c.classes()) {
            return new float[0][];
        }
        return images(job.testSet(), c.examples()[actual * c.classes() + predicted]);
    }

    /** Test images by index, as per-sample float arrays. */
    private static float[][] images(org.nnlab.engine.data.Dataset test, int[] indices) {
        if (test == null) {
            return new float[0][];
        }
        int per = test.sampleShape().size();
        float[] picked = test.gather(indices, 0, indices.length).inputs().data();
        float[][] images = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            images[i] = java.util.Arrays.copyOfRange(picked, i * per, (i + 1) * per);
        }
        return images;
    }
}
