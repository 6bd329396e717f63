package dev.drydock.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubernetesSettingsTest {
    @Test
    void theDefaultsAreUpstreamsTimeoutAndIngressNginx() {
        assertThat(KubernetesSettings.defaults()).isEqualTo(new KubernetesSettings(Duration.ofSeconds(120),
                Duration.ofMillis(500), Optional.empty(), "nginx", "nginx.ingress.kubernetes.io/ssl-redirect"));
    }

    @Test
    void eachWithChangesOneSetting() {
        KubernetesSettings settings = KubernetesSettings.defaults()
                .withDeployTimeout(Duration.ofMinutes(5))
                .withPoll(Duration.ofSeconds(1))
                .withPlatformDomain("apps.example.com")
                .withIngressClass("traefik")
                .withHttpsAnnotation("traefik.ingress.kubernetes.io/router.tls");

        assertThat(settings).isEqualTo(new KubernetesSettings(Duration.ofMinutes(5), Duration.ofSeconds(1),
                Optional.of("apps.example.com"), "traefik", "traefik.ingress.kubernetes.io/router.tls"));
        assertThat(settings.withPlatformDomain(Optional.empty()).platformDomain()).isEmpty();
        assertThat(KubernetesSettings.defaults().withHttpsAnnotation("force-https").httpsAnnotation())
                .as("an annotation key without a prefix").isEqualTo("force-https");
    }

    @Test
    void durationsMustBePositive() {
        assertThatThrownBy(() -> KubernetesSettings.defaults().withDeployTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The deploy timeout must be positive, not PT0S");
        assertThatThrownBy(() -> KubernetesSettings.defaults().withPoll(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The poll interval must be positive, not PT-0.001S");
    }

    @Test
    void thePlatformDomainMustBeADnsNameOfTwoLabelsOrMore() {
        for (String bad : new String[] {"", "localhost", "Apps.Example.com", "-apps.example.com", "apps..example.com",
                "apps.example.com.", "*.example.com", "apps_x.example.com", "a".repeat(64) + ".example.com",
                ("a".repeat(60) + ".").repeat(5) + "com"}) {
            assertThatThrownBy(() -> KubernetesSettings.defaults().withPlatformDomain(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("The platform domain must be a DNS name")
                    .hasMessageEndingWith("not \"" + bad + "\"");
        }
        assertThat(KubernetesSettings.defaults().withPlatformDomain("a-1.example.com").platformDomain())
                .contains("a-1.example.com");
    }

    @Test
    void theIngressClassMustBeADnsLabel() {
        for (String bad : new String[] {"", "Nginx", "nginx.public", "-nginx", "nginx-", "n".repeat(64)}) {
            assertThatThrownBy(() -> KubernetesSettings.defaults().withIngressClass(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("The ingress class must be a DNS label")
                    .hasMessageEndingWith("not \"" + bad + "\"");
        }
        assertThat(KubernetesSettings.defaults().withIngressClass("n".repeat(63)).ingressClass()).hasSize(63);
    }

    @Test
    void theHttpsAnnotationMustBeAnAnnotationKey() {
        for (String bad : new String[] {"", "/ssl-redirect", "Example.com/ssl-redirect", "example.com/", "a/b/c",
                "example.com/-x", "example.com/x y", "example.com/" + "x".repeat(64)}) {
            assertThatThrownBy(() -> KubernetesSettings.defaults().withHttpsAnnotation(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("The HTTPS annotation must be a Kubernetes annotation key")
                    .hasMessageEndingWith("not \"" + bad + "\"");
        }
        assertThat(KubernetesSettings.defaults().withHttpsAnnotation("example.com/Force_HTTPS.v1").httpsAnnotation())
                .isEqualTo("example.com/Force_HTTPS.v1");
    }

    @Test
    void nothingMayBeMissing() {
        assertThatThrownBy(() -> new KubernetesSettings(null, Duration.ofSeconds(1), Optional.empty(), "nginx", "x"))
                .isInstanceOf(NullPointerException.class).hasMessage("deployTimeout");
    }
}
