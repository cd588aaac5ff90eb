package org.nnlab.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PresenceServiceTest {

    @Test
    void tellsEveryOpenPageTheCountFromABackgroundThread() throws Exception {
        try (PresenceService presence = new PresenceService()) {
            var seenByFirst = new LinkedBlockingQueue<String>();
            AutoCloseable first = presence.join(n -> seenByFirst.add(Thread.currentThread().getName() + ":" + n));
            assertEquals("presence-notifier:1", seenByFirst.poll(5, TimeUnit.SECONDS));

            AutoCloseable second = presence.join(n -> { });
            assertEquals("presence-notifier:2", seenByFirst.poll(5, TimeUnit.SECONDS));
            assertNotEquals(Thread.currentThread().getName(), "presence-notifier");

            second.close();
            assertEquals("presence-notifier:1", seenByFirst.poll(5, TimeUnit.SECONDS));
            first.close();
            first.close();
            assertEquals(0, presence.online(), "closing twice counts out once");
        }
    }

    @Test
    void aSlowPageDoesNotHoldUpTheOneThatJoins() throws Exception {
        try (PresenceService presence = new PresenceService()) {
            presence.join(n -> sleep(300));
            long start = System.nanoTime();
            presence.join(n -> { });
            assertTrue(System.nanoTime() - start < 100_000_000L, "join returns without waiting for listeners");
        }
    }

    @Test
    void aSweepCountsOutAPageThatStoppedAnsweringAndLetsItGo() throws Exception {
        try (PresenceService presence = new PresenceService()) {
            var alive = new java.util.concurrent.atomic.AtomicBoolean(true);
            var gone = new java.util.concurrent.atomic.AtomicInteger();
            AutoCloseable page = presence.join(n -> { }, alive::get, gone::incrementAndGet);
            presence.join(n -> { });
            presence.sweep();
            assertEquals(2, presence.online());
            assertEquals(0, gone.get());

            alive.set(false);
            presence.sweep();
            presence.sweep();
            assertEquals(1, presence.online());
            assertEquals(1, gone.get(), "released once");
            page.close();
            assertEquals(1, presence.online(), "a page swept out is not counted out again when it closes");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aBurstOfJoinsWhileTheNotifierIsBusyIsToldInOneRoundWithTheFinalCount() throws Exception {
        try (PresenceService presence = new PresenceService()) {
            var busy = new java.util.concurrent.CountDownLatch(1);
            var entered = new java.util.concurrent.CountDownLatch(1);
            var seen = new LinkedBlockingQueue<Integer>();
            presence.join(n -> {
                entered.countDown();
                try {
                    busy.await(5, TimeUnit.SECONDS); // the notifier is held up telling this page
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(n);
            });
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 50; i++) {
                presence.join(n -> { });
            }
            busy.countDown();
            assertEquals(1, seen.poll(5, TimeUnit.SECONDS), "the first round counts the first page");
            assertEquals(51, seen.poll(5, TimeUnit.SECONDS), "the joins that came meanwhile are told together");
            assertEquals(null, seen.poll(300, TimeUnit.MILLISECONDS), "and not once each");
        }
    }

    /**
     * A class joining one page every 20 ms: without a pause between rounds nearly every join was its own round
     * (a push to every open page each time); now the count is told at most once a second, the last one right.
     */
    @Test
    void aClassJoiningOverASecondIsToldAtMostOnceASecond() throws Exception {
        try (PresenceService presence = new PresenceService()) {
            var rounds = new java.util.concurrent.atomic.AtomicInteger();
            var last = new java.util.concurrent.atomic.AtomicInteger();
            presence.join(n -> {
                rounds.incrementAndGet();
                last.set(n);
            });
            long start = System.nanoTime();
            for (int i = 0; i < 60; i++) {
                presence.join(n -> { });
                sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (last.get() != 61 && System.nanoTime() < deadline) {
                sleep(20);
            }
            assertEquals(61, last.get(), "the final count arrives");
            assertTrue(rounds.get() <= Math.ceil(seconds) + 2, rounds.get() + " rounds in " + seconds + " s");
        }
    }

    @Test
    void aChangeAfterAQuietSpellIsToldAtOnce() throws Exception {
        try (PresenceService presence = new PresenceService()) {
            var seen = new LinkedBlockingQueue<Integer>();
            presence.join(seen::add);
            assertEquals(1, seen.poll(5, TimeUnit.SECONDS));
            sleep(1100);
            long start = System.nanoTime();
            presence.join(n -> { });
            assertEquals(2, seen.poll(5, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - start < 300_000_000L, "no wait after a quiet second");
        }
    }
}
