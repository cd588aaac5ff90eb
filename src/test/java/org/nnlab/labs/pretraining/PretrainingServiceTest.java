package org.nnlab.labs.pretraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.training.DataChoice;
import org.nnlab.training.SliceScheduler;
import org.nnlab.training.TrainingData;
import org.nnlab.training.TrainingProperties;
import org.nnlab.training.ui.FakeMnist;

/** The lab's limits: more live RBMs or experiments than the settings allow are refused as "busy"; closing frees a place. */
class PretrainingServiceTest {
    private final SliceScheduler scheduler = new SliceScheduler(TrainingProperties.defaults());
    private final TrainingData data = new TrainingData() {
        @Override
        public Sets load(DataChoice choice) {
            return new Sets(FakeMnist.make(300, 1), FakeMnist.make(100, 2));
        }

        @Override
        public int trainingSize(DataChoice choice) {
            return 300;
        }
    };
    private final PretrainingService service = new PretrainingService(new PretrainingProperties(8, 200, 1, 0.1, 5, 100,
            List.of(16), 200, 1, List.of(20), 100, 1, 100, 1, 1), scheduler, data);

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void oneMoreThanAllowedIsRefusedAndClosingFreesThePlace() {
        RbmSession rbm = service.openRbm("ann", f -> { }, g -> { });
        LocalizedException busy = assertThrows(LocalizedException.class, () -> service.openRbm("bea", f -> { }, g -> { }));
        assertEquals("error.busy", busy.messageKey());
        rbm.close();
        service.openRbm("bea", f -> { }, g -> { }).close();

        DbnExperiment experiment = service.startExperiment("ann", s -> { });
        assertEquals("error.busy", assertThrows(LocalizedException.class,
                () -> service.startExperiment("bea", s -> { })).messageKey());
        experiment.close();
        service.startExperiment("bea", s -> { }).close();
        assertEquals(0, service.openCount());
    }
}
