package dev.drydock.core.config;

import dev.drydock.core.build.ProcessTypes;
import dev.drydock.ports.usecase.ConfigChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The checks on a config change as sent, field by field. Like upstream, a field reports its first
 * problem; every field with a problem is reported. Null entries mean "unset" and are not checked.
 */
final class ConfigRules {
    static final Pattern CONFIG_KEY = Pattern.compile("^[a-z_]+[a-z0-9_]*$", Pattern.CASE_INSENSITIVE);
    static final String BAD_CONFIG_KEY =
            "Config keys must start with a letter or underscore and only contain [A-z0-9_]";
    static final Pattern MEMORY = Pattern.compile(
            "^(([0-9]+(MB|KB|GB|[BKMG])|0)(/([0-9]+(MB|KB|GB|[BKMG])))?)$", Pattern.CASE_INSENSITIVE);
    static final String BAD_MEMORY =
            "Memory limit format: <number><unit> or <number><unit>/<number><unit>, where unit = B, K, M or G";
    static final Pattern CPU = Pattern.compile(
            "^(([-+]?[0-9]*\\.?[0-9]+[m]?)(/([-+]?[0-9]*\\.?[0-9]+[m]?))?)$");
    static final String BAD_CPU = "CPU limit format: <value> or <value>/<value>, where value must be a numeric";
    static final Pattern GRACE_PERIOD = Pattern.compile("^[0-9]*$");
    static final String BAD_GRACE_PERIOD =
            "Termination Grace Period format: <value>, where value must be a numeric";
    static final Pattern TAG = Pattern.compile("^(?:[a-zA-Z0-9][-.a-zA-Z0-9_]{0,61})?[a-zA-Z0-9]$");
    static final Pattern DNS_LABEL = Pattern.compile("^[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$");
    static final String BAD_TAG_KEY = "Tag keys must be alphanumeric or \"-_.\", and 1-63 characters.";
    static final String BAD_TAG_KEY_SLASHES = "Tag keys may hold at most one \"/\", between prefix and name.";
    static final String LONG_TAG_PREFIX = "Tag key prefixes must 253 characters or less.";
    static final String BAD_TAG_PREFIX = "Tag key prefixes must be DNS subdomains.";
    static final String BAD_TAG_VALUE = "Tag values must be alphanumeric or \"-_.\", and 1-63 characters.";
    static final String BAD_PROBE_KEY = "Healthcheck keys must be either livenessProbe or readinessProbe";
    static final String LIVENESS_THRESHOLD = "livenessProbe successThreshold can only be 1";
    static final List<String> PROBES = List.of("livenessProbe", "readinessProbe");
    static final String NOT_SCALAR = " can only be a string, a number or a boolean, not ";

    private ConfigRules() {
    }

    /** Messages per field (API field names); empty when the change may be merged. */
    static Map<String, List<String>> problems(ConfigChange change) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        check(problems, "values", change.values(), ConfigRules::value);
        check(problems, "memory", change.memory(), (k, v) -> perType(k, v, MEMORY, BAD_MEMORY));
        check(problems, "cpu", change.cpu(), (k, v) -> perType(k, v, CPU, BAD_CPU));
        check(problems, "tags", change.tags(), ConfigRules::tag);
        check(problems, "registry", change.registry(), (k, v) -> CONFIG_KEY.matcher(k).matches()
                ? notScalar(k, v) : Optional.of(BAD_CONFIG_KEY));
        check(problems, "healthcheck", change.healthcheck(), ConfigRules::healthcheck);
        check(problems, "lifecycle_post_start", change.lifecyclePostStart(), ConfigRules::notScalar);
        check(problems, "lifecycle_pre_stop", change.lifecyclePreStop(), ConfigRules::notScalar);
        check(problems, "termination_grace_period", change.terminationGracePeriod(),
                (k, v) -> perType(k, v, GRACE_PERIOD, BAD_GRACE_PERIOD));
        return problems;
    }

    private static void check(Map<String, List<String>> problems, String field, Map<String, Object> entries,
                              BiFunction<String, Object, Optional<String>> rule) {
        if (entries == null) {
            return;
        }
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            Optional<String> problem = rule.apply(entry.getKey(), entry.getValue());
            if (problem.isPresent()) {
                problems.put(field, List.of(problem.get()));
                return;
            }
        }
    }

    private static Optional<String> value(String key, Object value) {
        if (!CONFIG_KEY.matcher(key).matches()) {
            return Optional.of(BAD_CONFIG_KEY);
        }
        Optional<String> notScalar = notScalar(key, value);
        if (notScalar.isPresent()) {
            return notScalar;
        }
        if (key.equals("PORT")) {
            if (!PythonText.isNumeric(value)) {
                return Optional.of("PORT can only be a numeric value");
            }
            if (!portInRange(PythonText.str(value))) {
                return Optional.of("PORT needs to be between 1 and 65535");
            }
        }
        if (key.equals("HEALTHCHECK_URL")) {
            return healthcheckUrl(key, PythonText.str(value));
        }
        if (key.startsWith("HEALTHCHECK_") && !PythonText.isNumeric(value)) {
            return Optional.of(key + " can only be a numeric value");
        }
        return Optional.empty();
    }

    // Digits only (any script's, as isnumeric() allows); never parses more of them than a port has.
    private static boolean portInRange(String digits) {
        int first = 0;
        while (first < digits.length() && Character.digit(digits.charAt(first), 10) == 0) {
            first++;
        }
        String significant = digits.substring(first);
        if (significant.length() > 5) {
            return false;
        }
        int port = significant.isEmpty() ? 0 : new java.math.BigInteger(significant).intValueExact();
        return port >= 1 && port <= 65535;
    }

    // Env values, registry credentials, tags and hook commands end up as text in the pod: an object or an
    // array there would only become Python's repr of it, which no client means to send.
    private static Optional<String> notScalar(String key, Object value) {
        if (value instanceof Map) {
            return Optional.of(key + NOT_SCALAR + "an object");
        }
        if (value instanceof List) {
            return Optional.of(key + NOT_SCALAR + "an array");
        }
        return Optional.empty();
    }

    // A bare path only: what urlparse would call scheme, netloc, query or fragment is refused.
    private static Optional<String> healthcheckUrl(String key, String url) {
        String rest = url;
        boolean extra = false;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            extra |= hash < rest.length() - 1;
            rest = rest.substring(0, hash);
        }
        int question = rest.indexOf('?');
        if (question >= 0) {
            extra |= question < rest.length() - 1;
            rest = rest.substring(0, question);
        }
        java.util.regex.Matcher scheme = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:").matcher(rest);
        if (scheme.find() && !rest.substring(scheme.end()).matches("[0-9]+")) {
            rest = rest.substring(scheme.end());
        }
        if (rest.startsWith("//")) {
            int end = rest.indexOf('/', 2);
            String netloc = end < 0 ? rest.substring(2) : rest.substring(2, end);
            extra |= !netloc.isEmpty();
            rest = end < 0 ? "" : rest.substring(end);
        }
        if (rest.isEmpty()) {
            return Optional.of(key + " is missing a URI path (such as /healthz). Without it no health check can be done");
        }
        if (extra) {
            return Optional.of(key + " can only be a URI path (such as /healthz) that does not contain other things"
                    + " such as query params");
        }
        return Optional.empty();
    }

    private static Optional<String> perType(String type, Object value, Pattern format, String message) {
        if (!ProcessTypes.valid(type)) {
            return Optional.of(ProcessTypes.INVALID);
        }
        return format.matcher(PythonText.str(value)).matches() ? Optional.empty() : Optional.of(message);
    }

    private static Optional<String> tag(String key, Object value) {
        String[] parts = key.split("/", -1);
        if (parts.length > 2) {
            return Optional.of(BAD_TAG_KEY_SLASHES);
        }
        String prefix = parts.length == 2 ? parts[0] : "";
        String name = parts.length == 2 ? parts[1] : parts[0];
        if (!prefix.isEmpty()) {
            if (prefix.length() > 253) {
                return Optional.of(LONG_TAG_PREFIX);
            }
            for (String label : prefix.split("\\.", -1)) {
                if (!DNS_LABEL.matcher(label).matches()) {
                    return Optional.of(BAD_TAG_PREFIX);
                }
            }
        }
        if (!TAG.matcher(name).matches()) {
            return Optional.of(BAD_TAG_KEY);
        }
        Optional<String> notScalar = notScalar(key, value);
        if (notScalar.isPresent()) {
            return notScalar;
        }
        if (PythonText.truthy(value) && !TAG.matcher(PythonText.str(value)).matches()) {
            return Optional.of(BAD_TAG_VALUE);
        }
        return Optional.empty();
    }

    private static Optional<String> healthcheck(String type, Object probes) {
        if (!(probes instanceof Map<?, ?> map)) {
            return Optional.of("Healthcheck of " + type + " must be an object of livenessProbe and readinessProbe");
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (!PROBES.contains(String.valueOf(entry.getKey()))) {
                return Optional.of(BAD_PROBE_KEY);
            }
            Optional<String> problem = ProbeSchema.problem(entry.getValue());
            if (problem.isPresent()) {
                return Optional.of("could not validate " + PythonText.repr(entry.getValue()) + ": " + problem.get());
            }
        }
        if (map.get("livenessProbe") instanceof Map<?, ?> liveness) {
            Object threshold = liveness.get("successThreshold");
            if (threshold != null && !"1".equals(String.valueOf(threshold))) {
                return Optional.of(LIVENESS_THRESHOLD);
            }
        }
        return Optional.empty();
    }
}
