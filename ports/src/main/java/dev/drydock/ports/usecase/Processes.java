package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.RunResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Scale, pods, restarts, one-off commands and logs of an app. */
public interface Processes {
    /** Sets process counts; counts are as sent (numbers or numeric strings) and validated here. */
    void scale(Caller caller, String app, Map<String, Object> counts);

    /** The app's pods of the latest good release, optionally of one type (and one name). */
    List<Pod> pods(Caller caller, String app, Optional<String> type, Optional<String> name);

    /** Restarts all pods, one type's or one by name; returns the new pods. */
    List<Pod> restart(Caller caller, String app, Optional<String> type, Optional<String> name);

    /** Runs a one-off command in the app's current release. */
    RunResult run(Caller caller, String app, String command);

    /** The app's last log lines (events and process output) as text; empty when there are none. */
    String logs(Caller caller, String app, int lines);
}
