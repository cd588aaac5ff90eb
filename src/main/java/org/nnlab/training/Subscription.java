package org.nnlab.training;

/** A live feed of job updates; closing it (e.g. when a browser tab goes) drops every reference the service held. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
