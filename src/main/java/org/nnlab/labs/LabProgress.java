package org.nnlab.labs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which lab tasks each owner (browser) has completed, in table {@code lab_progress}. Completing a task
 * twice keeps the first time; a chapter is done when all its tasks are.
 */
@Service
public class LabProgress {
    private final JdbcClient jdbc;

    public LabProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code owner} completed {@code task} of {@code chapter}; true if this is the first time.
     * A task the chapter does not have throws.
     */
    public boolean complete(String owner, Chapter chapter, String task) {
        requireOwner(owner);
        if (!chapter.hasTask(task)) {
            throw new IllegalArgumentException("lab " + chapter.key() + " has no task " + task);
        }
        if (completed(owner, chapter).contains(task)) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO lab_progress (owner, lab, task, completed_at) VALUES (?, ?, ?, ?)")
                    .params(owner, chapter.key(), task, Timestamp.from(Instant.now())).update();
            return true;
        } catch (DuplicateKeyException sameTaskFromAnotherTab) {
            return false;
        }
    }

    /** The tasks of {@code chapter} that {@code owner} has completed. */
    public Set<String> completed(String owner, Chapter chapter) {
        requireOwner(owner);
        return new LinkedHashSet<>(jdbc.sql("SELECT task FROM lab_progress WHERE owner = ? AND lab = ? ORDER BY completed_at")
                .params(owner, chapter.key()).query(String.class).list());
    }

    /** The completed tasks of every chapter, for the index; chapters without any are left out. */
    public Map<Chapter, Set<String>> completed(String owner) {
        requireOwner(owner);
        Map<Chapter, Set<String>> byChapter = new EnumMap<>(Chapter.class);
        var rows = jdbc.sql("SELECT lab, task FROM lab_progress WHERE owner = ? ORDER BY completed_at").param(owner)
                .query((rs, i) -> Map.entry(rs.getString("lab"), rs.getString("task"))).list();
        for (Chapter c : Chapter.values()) {
            for (var row : rows) {
                if (c.key().equals(row.getKey())) {
                    byChapter.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(row.getValue());
                }
            }
        }
        return byChapter;
    }

    /** Whether {@code owner} has completed every task of {@code chapter} (one without tasks is never done). */
    public boolean isDone(String owner, Chapter chapter) {
        return isDone(chapter, completed(owner, chapter));
    }

    /** Whether {@code completed} holds every task of {@code chapter}. */
    public static boolean isDone(Chapter chapter, Set<String> completed) {
        return !chapter.tasks().isEmpty() && completed.containsAll(chapter.tasks());
    }

    private static void requireOwner(String owner) {
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("lab progress belongs to an owner");
        }
    }
}
