package dev.drydock.ports.model;

import java.time.Instant;
import java.util.Objects;

/** A running (or starting, or stopping) process of an app, as the scheduler reports it. */
public record Pod(String name, String type, String release, String state, Instant started) {
    public Pod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(started, "started");
    }
}
