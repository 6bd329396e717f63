package dev.drydock.ports.model;

import java.util.Objects;

/** The outcome of a one-off command. */
public record RunResult(int exitCode, String output) {
    public RunResult {
        Objects.requireNonNull(output, "output");
    }
}
