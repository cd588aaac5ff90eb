package org.nnlab.workshop.classdata;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nnlab.base.i18n.LocalizedException;
import org.nnlab.digits.DigitClassifier;
import org.nnlab.engine.data.DigitStages;
import org.nnlab.engine.data.GrayImage;
import org.nnlab.engine.data.LabeledImages;
import org.nnlab.workshop.ContributionCounts;
import org.nnlab.workshop.Participant;
import org.nnlab.workshop.ParticipantChanged;
import org.nnlab.workshop.RoomEvents;
import org.nnlab.workshop.RoomService;
import org.springframework.stereotype.Service;

/**
 * The class dataset of a workshop room: participants draw the digits they are prompted for (always one the
 * class has fewest of, so the set stays balanced), each drawing prepared for the network exactly as the Draw
 * page prepares one; the instructor looks through them, deletes bad ones and runs experiments on them.
 * Everything the instructor does checks their key.
 */
@Service
public class ClassData implements ContributionCounts {
    private final ClassDrawings drawings;
    private final ClassExperiments experiments;
    private final RoomService rooms;
    private final RoomEvents events;
    private final DigitClassifier classifier;
    private final RandomGenerator random = new SecureRandom();

    ClassData(ClassDrawings drawings, ClassExperiments experiments, RoomService rooms, RoomEvents events,
              DigitClassifier classifier) {
        this.drawings = drawings;
        this.experiments = experiments;
        this.rooms = rooms;
        this.events = events;
        this.classifier = classifier;
    }

    /** The digit to ask for next in the room: the one it has fewest drawings of (ties broken at random). */
    public int prompt(String roomId) {
        return ClassDrawings.fewest(drawings.countsByLabel(roomId), random);
    }

    /**
     * Keeps {@code drawing} (ink = 1, as the drawing pad sends it, any size) as a {@code label} of the room
     * {@code owner} takes part in; returns the drawing's id.
     *
     * @throws LocalizedException when the owner is in no room, or the drawing has no ink
     */
    public long contribute(String owner, int label, GrayImage drawing) {
        Participant p = rooms.participantOf(owner).orElseThrow(() ->
                new LocalizedException("classdata.error.notInRoom", "join a room to draw for its class"));
        DigitStages stages = classifier.preprocess(drawing);
        if (stages.empty()) {
            throw new LocalizedException("classdata.error.empty", "the drawing has no ink");
        }
        long id = drawings.add(p.roomId(), p.id(), label, stages.centred());
        changed(p.roomId(), p.id());
        return id;
    }

    /** How many drawings the participant gave their class (the instructor's grid shows it). */
    public int drawingsOf(String participantId) {
        return drawings.countOf(participantId);
    }

    /** Drawings per participant of the room; participants without any are absent. */
    @Override
    public Map<String, Integer> drawingsByParticipant(String roomId) {
        return drawings.countsByParticipant(roomId);
    }

    /** How many drawings the room has of each digit (10 numbers). */
    public int[] countsByLabel(String roomId) {
        return drawings.countsByLabel(roomId);
    }

    /** Every drawing of the room, oldest first, for its instructor. */
    public List<ClassDrawing> gallery(String roomId, String key) {
        rooms.requireInstructor(roomId, key);
        return drawings.list(roomId);
    }

    /** The ids of the room's drawings, oldest first, for its instructor: what the gallery should show. */
    public List<Long> galleryIds(String roomId, String key) {
        rooms.requireInstructor(roomId, key);
        return drawings.ids(roomId);
    }

    /** Those of {@code ids} that are drawings of the room, oldest first, for its instructor. */
    public List<ClassDrawing> gallery(String roomId, String key, Collection<Long> ids) {
        rooms.requireInstructor(roomId, key);
        return ids.isEmpty() ? List.of() : drawings.list(roomId, ids);
    }

    /** Deletes one of the room's drawings (for its instructor); false when the room has no such drawing. */
    public boolean delete(String roomId, String key, long drawingId) {
        rooms.requireInstructor(roomId, key);
        Optional<String> author = drawings.delete(roomId, drawingId);
        author.ifPresent(participantId -> changed(roomId, participantId));
        return author.isPresent();
    }

    /** Tells the room's pages and the instructor's grid that a participant's drawings changed. */
    private void changed(String roomId, String participantId) {
        events.publish(new ClassDataChanged(roomId, ClassDataChanged.What.DRAWINGS, participantId));
        events.publish(new ParticipantChanged(roomId, participantId, ParticipantChanged.Change.CONTRIBUTED));
    }

    /** Starts an experiment on the room's drawings (for its instructor); everyone in the room sees the results. */
    public void runExperiment(String roomId, String key, Experiment.Kind kind) {
        rooms.requireInstructor(roomId, key);
        experiments.start(roomId, kind);
    }

    /** The room's experiments as last run, in the order of {@link Experiment.Kind}. */
    public List<Experiment> experiments(String roomId) {
        return experiments.of(roomId);
    }

    /** The room's drawings held out from training: what "held-out class drawings" are tested on. */
    public LabeledImages heldOut(String roomId) {
        return drawings.split(roomId).heldOut();
    }
}
