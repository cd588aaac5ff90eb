package org.nnlab.workshop;

import java.util.List;

/**
 * What an instructor chooses when opening a room.
 *
 * @param title    shown to everyone in the room (1 to 120 characters once trimmed)
 * @param language the room's language tag ({@code en} or {@code zh})
 * @param pages    the pages participants use, by route ({@code draw}, {@code build}, {@code train}, {@code labs})
 * @param limits   what each participant's run may use at most
 */
public record RoomSettings(String title, String language, List<String> pages, RoomLimits limits) {
    public RoomSettings {
        pages = List.copyOf(pages);
    }
}
