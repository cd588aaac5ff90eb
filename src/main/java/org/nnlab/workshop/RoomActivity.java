package org.nnlab.workshop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Who in a room is online and on which page, kept in memory: each open page (a browser tab) of a participant
 * says where it is and when it closes. A participant is online while at least one of their pages is open; the
 * page shown is the one visited last. Changes are told to the room as {@link ParticipantChanged.Change#ACTIVITY}.
 */
@Service
public class RoomActivity {
    /** What the instructor sees of a participant's presence. */
    public record Activity(boolean online, String page) {
        public static final Activity OFFLINE = new Activity(false, "");
    }

    private final RoomEvents events;
    private final Map<String, Pages> byParticipant = new ConcurrentHashMap<>();

    public RoomActivity(RoomEvents events) {
        this.events = events;
    }

    private static final class Pages {
        final Map<String, String> open = new LinkedHashMap<>();
        String last = "";
    }

    /** Page {@code pageKey} (one browser tab) of {@code participant} now shows {@code route}. */
    public void visit(Participant participant, String pageKey, String route) {
        Activity before = activity(participant.id());
        Pages pages = byParticipant.computeIfAbsent(participant.id(), id -> new Pages());
        synchronized (pages) {
            pages.open.put(pageKey, route);
            pages.last = route;
        }
        tellIfChanged(participant, before);
    }

    /** Page {@code pageKey} of {@code participant} was closed. */
    public void closed(Participant participant, String pageKey) {
        Activity before = activity(participant.id());
        Pages pages = byParticipant.get(participant.id());
        if (pages == null) {
            return;
        }
        synchronized (pages) {
            pages.open.remove(pageKey);
            if (!pages.open.isEmpty()) {
                pages.last = pages.open.values().stream().reduce((a, b) -> b).orElse(pages.last);
            }
        }
        tellIfChanged(participant, before);
    }

    public Activity activity(String participantId) {
        Pages pages = byParticipant.get(participantId);
        if (pages == null) {
            return Activity.OFFLINE;
        }
        synchronized (pages) {
            return new Activity(!pages.open.isEmpty(), pages.last);
        }
    }

    private void tellIfChanged(Participant participant, Activity before) {
        if (!before.equals(activity(participant.id()))) {
            events.publish(new ParticipantChanged(participant.roomId(), participant.id(), ParticipantChanged.Change.ACTIVITY));
        }
    }
}
