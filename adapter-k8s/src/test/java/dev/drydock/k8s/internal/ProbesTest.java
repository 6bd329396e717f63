package dev.drydock.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.model.Config;
import io.kubernetes.client.openapi.models.V1HTTPHeader;
import io.kubernetes.client.openapi.models.V1Probe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Probes read from the config's healthcheck tree (behaviour.md §4.5). */
class ProbesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");
    private static final Optional<Integer> PORT = Optional.of(8080);

    @Test
    void anHttpGetProbeCarriesEveryFieldAndItsTimings() {
        Config config = healthcheck(Map.of("web", Map.of("livenessProbe", Map.of(
                "httpGet", Map.of("path", "/healthz", "port", 9000, "host", "localhost", "scheme", "HTTPS",
                        "httpHeaders", List.of(Map.of("name", "X-Check", "value", "1"))),
                "initialDelaySeconds", 50, "timeoutSeconds", 5L, "periodSeconds", 10, "successThreshold", 1,
                "failureThreshold", 3))));

        V1Probe probe = Probes.probe(config, "web", "livenessProbe", PORT).orElseThrow();

        assertThat(probe.getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(probe.getHttpGet().getPort().getIntValue()).isEqualTo(9000);
        assertThat(probe.getHttpGet().getHost()).isEqualTo("localhost");
        assertThat(probe.getHttpGet().getScheme()).isEqualTo("HTTPS");
        assertThat(probe.getHttpGet().getHttpHeaders()).containsExactly(new V1HTTPHeader().name("X-Check").value("1"));
        assertThat(List.of(probe.getInitialDelaySeconds(), probe.getTimeoutSeconds(), probe.getPeriodSeconds(),
                probe.getSuccessThreshold(), probe.getFailureThreshold())).containsExactly(50, 5, 10, 1, 3);
        assertThat(probe.getExec()).isNull();
        assertThat(probe.getTcpSocket()).isNull();
        assertThat(Probes.probe(config, "web", "readinessProbe", PORT)).isEmpty();
    }

    @Test
    void execAndTcpSocketProbes() {
        Config config = healthcheck(Map.of("worker", Map.of(
                "livenessProbe", Map.of("exec", Map.of("command", List.of("cat", "/tmp/alive"))),
                "readinessProbe", Map.of("tcpSocket", Map.of("port", 5000), "periodSeconds", 2))));

        V1Probe liveness = Probes.probe(config, "worker", "livenessProbe", PORT).orElseThrow();
        V1Probe readiness = Probes.probe(config, "worker", "readinessProbe", PORT).orElseThrow();

        assertThat(liveness.getExec().getCommand()).containsExactly("cat", "/tmp/alive");
        assertThat(liveness.getPeriodSeconds()).as("no timing given, Kubernetes' default applies").isNull();
        assertThat(readiness.getTcpSocket().getPort().getIntValue()).isEqualTo(5000);
        assertThat(readiness.getPeriodSeconds()).isEqualTo(2);
    }

    @Test
    void webAndCmdFallBackToWebCmdProbeByProbeAndOtherTypesDoNot() {
        Config config = healthcheck(Map.of(
                "web/cmd", Map.of("livenessProbe", Map.of("tcpSocket", Map.of("port", 1)),
                        "readinessProbe", Map.of("tcpSocket", Map.of("port", 2))),
                "web", Map.of("readinessProbe", Map.of("tcpSocket", Map.of("port", 3)))));

        assertThat(port(Probes.probe(config, "web", "livenessProbe", PORT))).contains(1);
        assertThat(port(Probes.probe(config, "web", "readinessProbe", PORT))).contains(3);
        assertThat(port(Probes.probe(config, "cmd", "readinessProbe", PORT))).contains(2);
        assertThat(Probes.probe(config, "worker", "livenessProbe", PORT)).isEmpty();
    }

    @Test
    void aTreeStoredInTheOldShapeIsWebCmds() {
        Config config = healthcheck(Map.of("livenessProbe", Map.of("tcpSocket", Map.of("port", 7))));

        assertThat(port(Probes.probe(config, "cmd", "livenessProbe", PORT))).contains(7);
        assertThat(Probes.probe(config, "worker", "livenessProbe", PORT)).isEmpty();
    }

    @Test
    void anHttpGetWithoutAPortChecksTheAppsPort() {
        // what the legacy HEALTHCHECK_URL makes
        Config config = healthcheck(Map.of("web/cmd", Map.of(
                "livenessProbe", Map.of("httpGet", Map.of("path", "/health")),
                "readinessProbe", Map.of("httpGet", Map.of("path", "/health")))));

        assertThat(Probes.probe(config, "web", "livenessProbe", PORT).orElseThrow().getHttpGet().getPort().getIntValue())
                .isEqualTo(8080);
        assertThat(Probes.probe(config, "web", "readinessProbe", PORT).orElseThrow().getHttpGet().getPort()
                .getIntValue()).isEqualTo(8080);
        assertThatThrownBy(() -> Probes.probe(config, "web", "livenessProbe", Optional.empty()))
                .isInstanceOf(InvalidException.class)
                .hasMessage("The livenessProbe of web is not a valid probe: httpGet has no port, and the app has no"
                        + " PORT to check instead");
    }

    @Test
    void aMalformedProbeIsRefusedSayingWhereAndWhy() {
        assertRefused(Map.of("web", Map.of("livenessProbe", Map.of("httpGet", Map.of("port", "50")))),
                "The livenessProbe of web is not a valid probe: httpGet.port must be a whole number from 1 to 65535,"
                        + " not \"50\"");
        assertRefused(Map.of("web", Map.of("livenessProbe", Map.of("tcpSocket", Map.of("port", 70000)))),
                "The livenessProbe of web is not a valid probe: tcpSocket.port must be a whole number from 1 to"
                        + " 65535, not 70000");
        assertRefused(Map.of("web", Map.of("livenessProbe", Map.of("exec", Map.of("command", List.of())))),
                "The livenessProbe of web is not a valid probe: exec.command must be a list of one or more strings,"
                        + " not []");
        assertRefused(Map.of("web", Map.of("livenessProbe", Map.of("tcpSocket", Map.of("port", 1),
                        "periodSeconds", 2.5))),
                "The livenessProbe of web is not a valid probe: periodSeconds must be a whole number of 0 or more,"
                        + " not 2.5");
        assertRefused(Map.of("web", Map.of("livenessProbe", Map.of("periodSeconds", 2))),
                "The livenessProbe of web is not a valid probe: it must have exactly one of exec, httpGet and"
                        + " tcpSocket, not 0");
        assertRefused(Map.of("web", Map.of("livenessProbe", "/healthz")),
                "The livenessProbe of web is not a valid probe: the probe must be an object, not \"/healthz\"");
        assertRefused(Map.of("web", List.of("livenessProbe")),
                "The healthcheck of web must be an object of livenessProbe and readinessProbe, not [livenessProbe]");
    }

    private static void assertRefused(Map<String, Object> healthcheck, String message) {
        assertThatThrownBy(() -> Probes.probe(healthcheck(healthcheck), "web", "livenessProbe", PORT))
                .isInstanceOf(InvalidException.class)
                .hasMessage(message);
    }

    private static Optional<Integer> port(Optional<V1Probe> probe) {
        return probe.map(p -> p.getTcpSocket().getPort().getIntValue());
    }

    static Config healthcheck(Map<String, Object> healthcheck) {
        return new Config(UUID.randomUUID(), "example-go", "ada", Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                healthcheck, Map.of(), Map.of(), Map.of(), NOW, NOW);
    }
}
