package dev.drydock.k8s.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Config;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image pull secret of an app whose config has private registry credentials ({@code registry}
 * {@code username} and {@code password}, maybe {@code hostname}): upstream's
 * {@code private-registry}, a {@code kubernetes.io/dockerconfigjson} secret in the app's namespace
 * that its pods name in {@code imagePullSecrets}. The password is only ever in the secret's data.
 */
public final class PullSecrets {
    /** Upstream's name of the secret. */
    public static final String NAME = "private-registry";
    /** The key Docker Hub credentials are filed under, as {@code docker login} writes it. */
    static final String DOCKER_HUB = "https://index.docker.io/v1/";

    private PullSecrets() {
    }

    /** Whether the config has registry credentials; both or neither of username and password. */
    public static boolean needed(Config config) {
        boolean user = present(config.registry().get("username"));
        boolean password = present(config.registry().get("password"));
        if (user != password) {
            throw DrydockException.invalid("A private registry needs both a username and a password in the config's"
                    + " registry; it has only " + (user ? "a username" : "a password"));
        }
        return user;
    }

    /** What a pod spec names when the config has registry credentials. */
    public static List<V1LocalObjectReference> references(Config config) {
        return needed(config) ? List.of(new V1LocalObjectReference().name(NAME)) : List.of();
    }

    /** The secret for pulling {@code image} with the config's credentials; empty when it has none. */
    public static Optional<V1Secret> secret(String app, Config config, String image) {
        if (!needed(config)) {
            return Optional.empty();
        }
        String username = config.registry().get("username");
        String password = config.registry().get("password");
        String hostname = config.registry().get("hostname");
        String host = present(hostname) ? hostname.strip() : registryHost(image);
        String auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        String dockerConfig = "{\"auths\":{" + quoted(host) + ":{\"username\":" + quoted(username)
                + ",\"password\":" + quoted(password) + ",\"auth\":" + quoted(auth) + "}}}";
        return Optional.of(new V1Secret().apiVersion("v1").kind("Secret")
                .metadata(new V1ObjectMeta().name(NAME).namespace(app)
                        .labels(Manifests.ordered("app", app, "heritage", Manifests.HERITAGE)))
                .type("kubernetes.io/dockerconfigjson")
                .data(Map.of(".dockerconfigjson", dockerConfig.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * The registry an image reference pulls from: its first part when that names a host (has a
     * {@code .} or {@code :}, or is {@code localhost}), else Docker Hub, as the kubelet tells them
     * apart. Docker Hub is filed under {@value #DOCKER_HUB}, which the kubelet matches for
     * {@code nginx}, {@code library/nginx} and {@code docker.io/library/nginx} alike.
     */
    static String registryHost(String image) {
        int slash = image.indexOf('/');
        if (slash > 0) {
            String first = image.substring(0, slash);
            boolean host = first.contains(".") || first.contains(":") || first.equals("localhost");
            if (host && !first.equals("docker.io") && !first.equals("index.docker.io")) {
                return first;
            }
        }
        return DOCKER_HUB;
    }

    /** A JSON string, by hand: the client's Gson would write the auth's {@code =} as {@code \\u003d}. */
    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
