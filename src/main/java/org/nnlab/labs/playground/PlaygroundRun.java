package org.nnlab.labs.playground;

import java.util.function.Consumer;

/**
 * One open playground on the server: its current {@link PlaygroundSession}, whether it is playing, and where its
 * frames go. While playing, the {@link PlaygroundService} gives it a turn about every frame interval: one epoch,
 * then one frame. {@link #step()} does one turn at once; {@link #reset} starts a new session from settings.
 * Frames reach the consumer on a service thread; the consumer must be quick (a view hands over to its UI).
 */
public final class PlaygroundRun implements AutoCloseable {
    private final PlaygroundService service;
    private final String owner;
    private final Consumer<PlaygroundFrame> frames;
    private volatile PlaygroundSession session;
    private volatile boolean playing;
    private volatile boolean closed;
    /** True from the moment a turn is handed to a worker until it ends, so turns never pile up. */
    final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();

    PlaygroundRun(PlaygroundService service, String owner, PlaygroundSettings settings, Consumer<PlaygroundFrame> frames) {
        this.service = service;
        this.owner = owner;
        this.frames = frames;
        this.session = new PlaygroundSession(settings);
    }

    /** Whom the run is for (the browser's owner id). */
    public String owner() {
        return owner;
    }

    public PlaygroundSession session() {
        return session;
    }

    public boolean isPlaying() {
        return playing;
    }

    public void play() {
        playing = !closed;
    }

    public void pause() {
        playing = false;
    }

    /** One epoch and its frame, as soon as the scheduler gives this run a turn (the step button while paused). */
    public void step() {
        service.giveTurn(this);
    }

    /** A fresh session from {@code settings}, paused or playing as before; its first frame is sent at once. */
    public void reset(PlaygroundSettings settings) {
        session = new PlaygroundSession(settings);
        showFrame();
    }

    /** Sends the current frame without training. */
    public void showFrame() {
        frames.accept(session.frame());
    }

    void turn() {
        PlaygroundSession s = session;
        s.trainEpoch();
        if (s == session && !closed) {
            frames.accept(s.frame());
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        playing = false;
        service.remove(this);
    }
}
