package dev.drydock.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.model.Config;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The image pull secret made from the config's registry credentials. */
class PullSecretsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:30Z");

    @Test
    void theCredentialsAreADockerConfigForTheImagesRegistry() {
        V1Secret secret = PullSecrets.secret("shop", registry(Map.of("username", "ada", "password", "s3cr\"t\\\n")),
                "registry.example:5000/team/shop:v3").orElseThrow();

        assertThat(secret.getMetadata().getName()).isEqualTo("private-registry");
        assertThat(secret.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(secret.getMetadata().getLabels()).containsEntry("app", "shop").containsEntry("heritage", "drycc");
        assertThat(secret.getType()).isEqualTo("kubernetes.io/dockerconfigjson");
        assertThat(secret.getData()).containsOnlyKeys(".dockerconfigjson");
        assertThat(new String(secret.getData().get(".dockerconfigjson"), StandardCharsets.UTF_8)).isEqualTo(
                "{\"auths\":{\"registry.example:5000\":{\"username\":\"ada\",\"password\":\"s3cr\\\"t\\\\\\u000a\","
                        + "\"auth\":\"YWRhOnMzY3IidFwK\"}}}");
        assertThat(secret.toString()).doesNotContain("s3cr").doesNotContain("YWRhOnMzY3Ii");
    }

    @Test
    void aHostnameInTheConfigWinsOverTheImages() {
        V1Secret secret = PullSecrets.secret("shop", registry(Map.of("username", "ada", "password", "pw",
                "hostname", "quay.io")), "registry.example/shop:v3").orElseThrow();

        assertThat(new String(secret.getData().get(".dockerconfigjson"), StandardCharsets.UTF_8))
                .startsWith("{\"auths\":{\"quay.io\":");
    }

    @Test
    void imagesWithoutARegistryHostComeFromDockerHub() {
        for (String image : new String[] {"nginx", "nginx:1.27", "library/nginx", "ada/shop:v1",
                "docker.io/library/nginx", "index.docker.io/ada/shop"}) {
            assertThat(PullSecrets.registryHost(image)).as(image).isEqualTo("https://index.docker.io/v1/");
        }
        assertThat(PullSecrets.registryHost("localhost/shop")).isEqualTo("localhost");
        assertThat(PullSecrets.registryHost("localhost:5000/shop")).isEqualTo("localhost:5000");
        assertThat(PullSecrets.registryHost("ghcr.io/ada/shop@sha256:abc")).isEqualTo("ghcr.io");
    }

    @Test
    void withoutCredentialsThereIsNoSecretAndHalfOfThemIsRefused() {
        assertThat(PullSecrets.secret("shop", registry(Map.of()), "nginx")).isEmpty();
        assertThat(PullSecrets.secret("shop", registry(Map.of("hostname", "quay.io")), "nginx")).isEmpty();
        assertThat(PullSecrets.references(registry(Map.of()))).isEmpty();

        assertThatThrownBy(() -> PullSecrets.secret("shop", registry(Map.of("username", "ada")), "nginx"))
                .isInstanceOf(InvalidException.class)
                .hasMessage("A private registry needs both a username and a password in the config's registry;"
                        + " it has only a username");
        assertThatThrownBy(() -> PullSecrets.references(registry(Map.of("password", "pw"))))
                .isInstanceOf(InvalidException.class)
                .hasMessageEndingWith("it has only a password");
    }

    static Config registry(Map<String, String> registry) {
        return new Config(UUID.randomUUID(), "shop", "ada", Map.of("PORT", "8080"), Map.of(), Map.of(), Map.of(),
                registry, Map.of(), Map.of(), Map.of(), Map.of(), NOW, NOW);
    }
}
