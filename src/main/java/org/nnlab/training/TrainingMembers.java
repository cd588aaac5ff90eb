package org.nnlab.training;

import java.util.Set;
import java.util.UUID;

/**
 * The servers that train runs: this one, and those up now. A server alone is the only one; in a cluster these
 * are the members, so that a starting node ends only the runs of servers that are gone, not those others
 * still train.
 */
public interface TrainingMembers {
    /** This server's id for this start (a new one after a restart). */
    String self();

    /** The ids of the servers up now, this one among them. */
    Set<String> live();

    /** A server alone: a fresh id for each start. */
    static TrainingMembers alone() {
        String self = UUID.randomUUID().toString();
        return new TrainingMembers() {
            @Override
            public String self() {
                return self;
            }

            @Override
            public Set<String> live() {
                return Set.of(self);
            }
        };
    }
}
