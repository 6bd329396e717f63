package dev.drydock.k8s.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Config;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ExecAction;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1HTTPHeader;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1TCPSocketAction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A process type's liveness and readiness probes, read from the config's healthcheck tree
 * (behaviour.md §4.5): {@code {"<type>": {"livenessProbe": {...}, "readinessProbe": {...}}}}, each
 * probe in Kubernetes' own field names. A probe missing for {@code web} or {@code cmd} is taken
 * from {@code web/cmd}, and a tree stored in the v2.1 shape ({@code livenessProbe} at the top) counts
 * as {@code web/cmd}.
 *
 * <p>The fields read are upstream's schema: one of {@code exec.command}, {@code httpGet} (path, port,
 * host, scheme, httpHeaders) or {@code tcpSocket.port}, and the integer timings; other keys are
 * ignored, as the schema allows them. An {@code httpGet} without a port gets the app's PORT (the
 * legacy {@code HEALTHCHECK_URL} makes such probes). A probe that does not fit is refused with an
 * {@link dev.drydock.ports.error.InvalidException} saying where, rather than deployed without its
 * check or sent to the cluster to be refused there.
 */
public final class Probes {
    static final String LIVENESS = "livenessProbe";
    static final String READINESS = "readinessProbe";
    static final String WEB_CMD = "web/cmd";

    private Probes() {
    }

    /** The type's probe of this kind ({@code livenessProbe} or {@code readinessProbe}), if it has one. */
    public static Optional<V1Probe> probe(Config config, String type, String kind, Optional<Integer> port) {
        return tree(config.healthcheck(), type, kind)
                .map(tree -> parse(tree, "The " + kind + " of " + type, port));
    }

    private static Optional<Object> tree(Map<String, Object> healthcheck, String type, String kind) {
        Object probes = healthcheck.get(type);
        if (probes != null) {
            if (!(probes instanceof Map<?, ?> own)) {
                throw DrydockException.invalid("The healthcheck of " + type + " must be an object of " + LIVENESS
                        + " and " + READINESS + ", not " + shown(probes));
            }
            if (own.get(kind) != null) {
                return Optional.of(own.get(kind));
            }
        }
        if (!type.equals("web") && !type.equals("cmd")) {
            return Optional.empty();
        }
        Object shared = healthcheck.get(WEB_CMD);
        if (shared instanceof Map<?, ?> m && m.get(kind) != null) {
            return Optional.of(m.get(kind));
        }
        return Optional.ofNullable(healthcheck.get(kind));
    }

    private static V1Probe parse(Object tree, String where, Optional<Integer> port) {
        Map<?, ?> fields = object(tree, where, "the probe");
        V1Probe probe = new V1Probe();
        int handlers = 0;
        if (fields.get("exec") != null) {
            handlers++;
            Map<?, ?> exec = object(fields.get("exec"), where, "exec");
            Object command = exec.get("command");
            if (!(command instanceof List<?> parts) || parts.isEmpty()
                    || !parts.stream().allMatch(part -> part instanceof String)) {
                throw malformed(where, "exec.command", "a list of one or more strings", command);
            }
            probe.exec(new V1ExecAction().command(parts.stream().map(String.class::cast).toList()));
        }
        if (fields.get("httpGet") != null) {
            handlers++;
            probe.httpGet(httpGet(object(fields.get("httpGet"), where, "httpGet"), where, port));
        }
        if (fields.get("tcpSocket") != null) {
            handlers++;
            Map<?, ?> tcp = object(fields.get("tcpSocket"), where, "tcpSocket");
            probe.tcpSocket(new V1TCPSocketAction().port(new IntOrString(port(tcp.get("port"), where, "tcpSocket.port"))));
        }
        if (handlers != 1) {
            throw DrydockException.invalid(where + " is not a valid probe: it must have exactly one of exec, httpGet"
                    + " and tcpSocket, not " + handlers);
        }
        probe.initialDelaySeconds(timing(fields, "initialDelaySeconds", where));
        probe.timeoutSeconds(timing(fields, "timeoutSeconds", where));
        probe.periodSeconds(timing(fields, "periodSeconds", where));
        probe.successThreshold(timing(fields, "successThreshold", where));
        probe.failureThreshold(timing(fields, "failureThreshold", where));
        return probe;
    }

    private static V1HTTPGetAction httpGet(Map<?, ?> fields, String where, Optional<Integer> appPort) {
        int port;
        if (fields.get("port") != null) {
            port = port(fields.get("port"), where, "httpGet.port");
        } else {
            port = appPort.orElseThrow(() -> DrydockException.invalid(where
                    + " is not a valid probe: httpGet has no port, and the app has no PORT to check instead"));
        }
        V1HTTPGetAction action = new V1HTTPGetAction().port(new IntOrString(port));
        action.path(text(fields, "path", where));
        action.host(text(fields, "host", where));
        action.scheme(text(fields, "scheme", where));
        Object headers = fields.get("httpHeaders");
        if (headers != null) {
            if (!(headers instanceof List<?> list)) {
                throw malformed(where, "httpGet.httpHeaders", "a list of {name, value}", headers);
            }
            List<V1HTTPHeader> parsed = new ArrayList<>();
            for (Object header : list) {
                Map<?, ?> h = object(header, where, "each of httpGet.httpHeaders");
                if (!(h.get("name") instanceof String name) || !(h.get("value") instanceof String value)) {
                    throw malformed(where, "each of httpGet.httpHeaders", "an object with a name and a value, both strings",
                            header);
                }
                parsed.add(new V1HTTPHeader().name(name).value(value));
            }
            action.httpHeaders(parsed);
        }
        return action;
    }

    private static String text(Map<?, ?> fields, String name, String where) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            throw malformed(where, "httpGet." + name, "a string", value);
        }
        return (String) value;
    }

    private static int port(Object value, String where, String field) {
        Optional<Integer> port = whole(value).filter(p -> p >= 1 && p <= 65535);
        if (port.isEmpty()) {
            throw malformed(where, field, "a whole number from 1 to 65535", value);
        }
        return port.get();
    }

    private static Integer timing(Map<?, ?> fields, String name, String where) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        return whole(value).filter(v -> v >= 0).orElseThrow(() -> malformed(where, name,
                "a whole number of 0 or more", value));
    }

    private static Optional<Integer> whole(Object value) {
        if (value instanceof Integer i) {
            return Optional.of(i);
        }
        if (value instanceof Long || value instanceof BigInteger) {
            BigInteger big = value instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) value;
            return big.bitLength() < 32 ? Optional.of(big.intValue()) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Map<?, ?> object(Object value, String where, String field) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw malformed(where, field, "an object", value);
    }

    /** "The livenessProbe of web is not a valid probe: httpGet.port must be ..., not "80"". */
    private static DrydockException malformed(String where, String field, String must, Object value) {
        return DrydockException.invalid(where + " is not a valid probe: " + field + " must be " + must + ", not "
                + shown(value));
    }

    private static String shown(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof String s ? "\"" + s + "\"" : value.toString();
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
