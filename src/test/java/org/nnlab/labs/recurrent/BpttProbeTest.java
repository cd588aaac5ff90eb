package org.nnlab.labs.recurrent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BpttProbeTest {
    @Test
    void theRnnGradientFadesAlongTimeWhileTheLstmKeepsIt() {
        BpttProbe.Norms n = new BpttProbe(40, 1, 0, 0).measure(7);
        System.out.println("rnn " + Arrays.toString(n.rnn()) + "\nlstm " + Arrays.toString(n.lstm()));
        double rnnFall = n.rnn()[0] / n.rnn()[39];
        double lstmFall = n.lstm()[0] / n.lstm()[39];
        assertTrue(rnnFall < 1e-3, "rnn first/last " + rnnFall);
        assertTrue(lstmFall > 100 * rnnFall, "lstm first/last " + lstmFall);
    }

    @Test
    void largeWeightsExplodeAndClippingCapsThem() {
        BpttProbe.Norms big = new BpttProbe(40, 3, 0, 0).measure(7);
        BpttProbe.Norms clipped = new BpttProbe(40, 3, 0.1, 0).measure(7);
        assertTrue(big.rnn()[0] > 100 * big.rnn()[39], "scale 3 explodes: " + big.rnn()[0]);
        BpttProbe.Norms cut = new BpttProbe(40, 1, 0, 5).measure(7);
        System.out.println("big " + Arrays.toString(big.rnn()) + "\nclipped " + Arrays.toString(clipped.rnn())
                + "\ncut " + Arrays.toString(cut.rnn()));
        assertTrue(Arrays.stream(clipped.rnn()).max().orElseThrow() <= 0.1 * Math.sqrt(BpttProbe.UNITS) + 1e-6);
        assertTrue(cut.rnn()[0] == 0 && cut.rnn()[39] > 0, "truncated: nothing reaches step 0");
    }
}
