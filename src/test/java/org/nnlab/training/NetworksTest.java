package org.nnlab.training;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nnlab.engine.tensor.Shape;

class NetworksTest {
    /** Every network the Train page offers must be one the server accepts. */
    @Test
    void everyOfferedNetworkValidatesAndEndsInTenClasses() {
        for (Networks.Network network : Networks.ALL) {
            assertDoesNotThrow(() -> network.spec().validate(), network.name());
            assertEquals(Shape.of(10), network.spec().summary().getLast().outputShape(), network.name());
        }
    }
}
