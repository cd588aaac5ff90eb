package org.nnlab.presence;

/**
 * Where the count of open pages is added up. On one server it is just this server's count; in a cluster the
 * members tell each other their counts, and a change on another member comes back through {@link #onChange}.
 */
public interface PresenceTally {
    /** Tells the others that {@code local} pages are open on this server now. */
    void publish(int local);

    /** Pages open everywhere, given that {@code local} are open here. */
    int total(int local);

    /** Calls {@code listener} when another server's count changed. */
    void onChange(Runnable listener);

    /** This server alone. */
    PresenceTally ALONE = new PresenceTally() {
        @Override
        public void publish(int local) {
        }

        @Override
        public int total(int local) {
            return local;
        }

        @Override
        public void onChange(Runnable listener) {
        }
    };
}
