package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.RunResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scale, pods, restarts, one-off commands and logs of an app. Every method refuses a caller whose
 * account is disabled or gone with {@code UnauthorizedException}, an unknown app with
 * {@code NotFoundException} and a caller who may not use the app with {@code ForbiddenException}.
 */
public interface Processes {
    /**
     * Sets the number of processes of each type named; other types keep theirs. For example
     * {@code scale(ada, "web-shop", Map.of("web", 3, "worker", 1))}.
     *
     * @throws dev.drydock.ports.error.InvalidException if the app has no build yet, a count is
     *         null, below zero or above the limit per type
     * @throws dev.drydock.ports.error.NotFoundException if a type is not in the app's Procfile
     *         ({@code cmd} always is)
     * @throws dev.drydock.ports.error.UnavailableException if the scheduler fails; the counts are
     *         put back
     */
    void scale(Caller caller, String app, Map<String, Integer> counts);

    /** The app's pods of the latest good release, optionally of one type (and one name). */
    List<Pod> pods(Caller caller, String app, Optional<String> type, Optional<String> name);

    /** Restarts all pods, one type's or one by name; returns the new pods. */
    List<Pod> restart(Caller caller, String app, Optional<String> type, Optional<String> name);

    /**
     * Runs a one-off command in the app's current release.
     *
     * @throws dev.drydock.ports.error.InvalidException if the command is empty or the app has no build
     */
    RunResult run(Caller caller, String app, String command);

    /** The app's last log lines (events and process output) as text; empty when there are none. */
    String logs(Caller caller, String app, int lines);
}
