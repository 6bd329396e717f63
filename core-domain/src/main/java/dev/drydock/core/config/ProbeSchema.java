package dev.drydock.core.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subset of a Kubernetes probe that a healthcheck may hold, checked as upstream's JSON schema
 * does: {@code exec {command: [string] (at least one)}}, {@code httpGet {path, port (required int),
 * host, scheme, httpHeaders: [{name, value}]}}, {@code tcpSocket {port (required int)}} and the
 * integer timings. Unknown keys are allowed, as in the schema. Messages read like the schema
 * library's.
 */
final class ProbeSchema {
    private static final List<String> TIMINGS = List.of(
            "initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold");

    private ProbeSchema() {
    }

    /** The first problem with a probe, or empty when it fits the schema. */
    static Optional<String> problem(Object probe) {
        if (!(probe instanceof Map<?, ?> map)) {
            return Optional.of(notOfType(probe, "object"));
        }
        if (map.containsKey("exec")) {
            Optional<String> p = exec(map.get("exec"));
            if (p.isPresent()) {
                return p;
            }
        }
        if (map.containsKey("httpGet")) {
            Optional<String> p = httpGet(map.get("httpGet"));
            if (p.isPresent()) {
                return p;
            }
        }
        if (map.containsKey("tcpSocket")) {
            Optional<String> p = tcpSocket(map.get("tcpSocket"));
            if (p.isPresent()) {
                return p;
            }
        }
        for (String timing : TIMINGS) {
            if (map.containsKey(timing) && !PythonText.isInteger(map.get(timing))) {
                return Optional.of(notOfType(map.get(timing), "integer"));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> exec(Object exec) {
        if (!(exec instanceof Map<?, ?> map)) {
            return Optional.of(notOfType(exec, "object"));
        }
        if (!map.containsKey("command")) {
            return Optional.of(required("command"));
        }
        Object command = map.get("command");
        if (!(command instanceof List<?> list)) {
            return Optional.of(notOfType(command, "array"));
        }
        if (list.isEmpty()) {
            return Optional.of("[] is too short");
        }
        for (Object part : list) {
            if (!(part instanceof String)) {
                return Optional.of(notOfType(part, "string"));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> httpGet(Object httpGet) {
        if (!(httpGet instanceof Map<?, ?> map)) {
            return Optional.of(notOfType(httpGet, "object"));
        }
        if (!map.containsKey("port")) {
            return Optional.of(required("port"));
        }
        if (!PythonText.isInteger(map.get("port"))) {
            return Optional.of(notOfType(map.get("port"), "integer"));
        }
        for (String text : List.of("path", "host", "scheme")) {
            if (map.containsKey(text) && !(map.get(text) instanceof String)) {
                return Optional.of(notOfType(map.get(text), "string"));
            }
        }
        if (map.containsKey("httpHeaders")) {
            Object headers = map.get("httpHeaders");
            if (!(headers instanceof List<?> list)) {
                return Optional.of(notOfType(headers, "array"));
            }
            for (Object header : list) {
                if (!(header instanceof Map<?, ?> h)) {
                    return Optional.of(notOfType(header, "object"));
                }
                for (String text : List.of("name", "value")) {
                    if (h.containsKey(text) && !(h.get(text) instanceof String)) {
                        return Optional.of(notOfType(h.get(text), "string"));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> tcpSocket(Object tcpSocket) {
        if (!(tcpSocket instanceof Map<?, ?> map)) {
            return Optional.of(notOfType(tcpSocket, "object"));
        }
        if (!map.containsKey("port")) {
            return Optional.of(required("port"));
        }
        if (!PythonText.isInteger(map.get("port"))) {
            return Optional.of(notOfType(map.get("port"), "integer"));
        }
        return Optional.empty();
    }

    private static String notOfType(Object value, String type) {
        return PythonText.repr(value) + " is not of type '" + type + "'";
    }

    private static String required(String property) {
        return "'" + property + "' is a required property";
    }
}
