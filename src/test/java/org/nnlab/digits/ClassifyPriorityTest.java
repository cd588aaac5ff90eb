package org.nnlab.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A classify request runs at the raised priority and gives the thread its own back; other requests keep it. */
class ClassifyPriorityTest {
    private final ClassifyPriority filter = new ClassifyPriority(8);

    private int priorityDuring(MockHttpServletRequest request) throws Exception {
        int[] seen = {0};
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen[0] = Thread.currentThread().getPriority());
        return seen[0];
    }

    @Test
    void classifyIsServedAtTheRaisedPriorityAndTheThreadGetsItsOwnBack() throws Exception {
        int own = Thread.currentThread().getPriority();
        assertEquals(8, priorityDuring(new MockHttpServletRequest("POST", ClassifyController.CLASSIFY)));
        assertEquals(own, Thread.currentThread().getPriority());
        assertEquals(own, priorityDuring(new MockHttpServletRequest("POST", "/")));
        assertEquals(own, priorityDuring(new MockHttpServletRequest("GET", "/api/v1/models")));
    }

    @Test
    void theThreadGetsItsPriorityBackWhenTheRequestFails() {
        int own = Thread.currentThread().getPriority();
        assertThrows(IllegalStateException.class, () -> filter.doFilter(
                new MockHttpServletRequest("POST", ClassifyController.CLASSIFY), new MockHttpServletResponse(),
                (req, res) -> {
                    throw new IllegalStateException("broken");
                }));
        assertEquals(own, Thread.currentThread().getPriority());
        assertThrows(IllegalArgumentException.class, () -> new ClassifyPriority(11));
    }
}
