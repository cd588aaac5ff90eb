package org.nnlab.workshop;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code nnlab.workshop.*}.
 *
 * @param maxParticipants          people who may take part in one room at once
 * @param joinAttemptsPerMinute    join attempts one client address may make per minute (a burst of that many,
 *                                 then one every 60/n seconds), so that join codes cannot be guessed by trying
 * @param maxConcurrentRunsPerRoom training runs the participants of one room may have going at once, so that
 *                                 one room leaves room on the server for everyone else
 * @param keepEndedDays            days an ended room's results stay readable before they are deleted
 * @param sweepMinutes             how often ended rooms past that age are looked for
 * @param defaultMaxEpochs         the epoch limit the create form proposes
 * @param defaultMaxParameters     the parameter limit the create form proposes
 */
@ConfigurationProperties("nnlab.workshop")
public record WorkshopProperties(
        @DefaultValue("100") int maxParticipants,
        @DefaultValue("10") int joinAttemptsPerMinute,
        @DefaultValue("4") int maxConcurrentRunsPerRoom,
        @DefaultValue("30") int keepEndedDays,
        @DefaultValue("60") int sweepMinutes,
        @DefaultValue("10") int defaultMaxEpochs,
        @DefaultValue("500000") long defaultMaxParameters) {

    @ConstructorBinding
    public WorkshopProperties {
        if (maxParticipants < 1 || joinAttemptsPerMinute < 1 || maxConcurrentRunsPerRoom < 1 || keepEndedDays < 1
                || sweepMinutes < 1 || defaultMaxEpochs < 1 || defaultMaxParameters < 1) {
            throw new IllegalArgumentException("nnlab.workshop settings out of range: " + this);
        }
    }

    /** The defaults (tests). */
    public WorkshopProperties() {
        this(100, 10, 4, 30, 60, 10, 500_000);
    }
}
