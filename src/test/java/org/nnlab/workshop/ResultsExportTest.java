package org.nnlab.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An ended room's results: readable and exportable as CSV by its instructor, deleted once they are old enough. */
class ResultsExportTest {
    private final JdbcClient jdbc = Databases.h2("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    private final RoomService rooms = Databases.service(jdbc, new WorkshopProperties());

    @Test
    void theResultsOfAnEndedRoomExportAsCsv() throws IOException {
        CreatedRoom created = rooms.create(RoomServiceTest.settings("Class"));
        String code = created.room().code();
        Participant ada = rooms.join(code, "Ada, the first", RoomServiceTest.owner(), "10.0.0.1");
        Participant eve = rooms.join(code, "=HYPERLINK(1)", RoomServiceTest.owner(), "10.0.0.1");
        rooms.join(code, "李雷", RoomServiceTest.owner(), "10.0.0.1");
        rooms.recordFinishedRun(ada, 0.9734, "LeNet");
        rooms.recordFinishedRun(ada, 0.95, "MLP");
        rooms.recordFinishedRun(eve, 0.5, "Perceptron");
        rooms.leave(eve.owner());
        rooms.end(created.room().id(), created.instructorKey());

        String csv = rooms.resultsCsv(created.room().id(), created.instructorKey());
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(3, records.size());
        assertEquals("Ada, the first", records.get(0).get("nickname"));
        assertEquals("2", records.get(0).get("runs_finished"));
        assertEquals("0.9734", records.get(0).get("best_accuracy"));
        assertEquals("LeNet", records.get(0).get("best_network"));
        assertEquals("'=HYPERLINK(1)", records.get(1).get("nickname"), "no formula for a spreadsheet");
        assertEquals("李雷", records.get(2).get("nickname"));
        assertEquals("", records.get(2).get("best_accuracy"));
        RoomServiceTest.assertRefused("workshop.error.notInstructor", () -> rooms.resultsCsv(created.room().id(), "guess"));
    }

    @Test
    void endedRoomsAreDeletedAfterTheConfiguredDays() {
        CreatedRoom old = rooms.create(RoomServiceTest.settings("Last month"));
        CreatedRoom recent = rooms.create(RoomServiceTest.settings("Last week"));
        CreatedRoom open = rooms.create(RoomServiceTest.settings("Still going"));
        rooms.join(old.room().code(), "Ada", RoomServiceTest.owner(), "10.0.0.1");
        rooms.end(old.room().id(), old.instructorKey());
        rooms.end(recent.room().id(), recent.instructorKey());
        endedAgo(old.room().id(), Duration.ofDays(31));
        endedAgo(recent.room().id(), Duration.ofDays(7));

        assertEquals(1, rooms.deleteExpiredRooms());
        assertTrue(rooms.room(old.room().id()).isEmpty());
        assertTrue(rooms.results(old.room().id()).isEmpty());
        assertEquals(RoomState.ENDED, rooms.room(recent.room().id()).orElseThrow().state());
        assertEquals(RoomState.OPEN, rooms.room(open.room().id()).orElseThrow().state());
    }

    /** Moves a room's end back in time, as if it had ended that long ago. */
    private void endedAgo(String roomId, Duration ago) {
        jdbc.sql("UPDATE workshop_room SET ended_at = ? WHERE id = ?").params(Timestamp.from(Instant.now().minus(ago)), roomId).update();
    }
}
