package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbedderTest {
    @Test
    void createsAnAppWithoutHttp() {
        assertEquals("ada", Embedder.createApp("web-shop").owner());
    }

    // an embedder gets no HTTP server, no cluster client and no logging backend of Drydock's choosing
    @ParameterizedTest
    @ValueSource(strings = {
        "org.glassfish.grizzly.http.server.HttpServer",       // Grizzly
        "org.glassfish.jersey.server.ResourceConfig",         // Jersey
        "jakarta.ws.rs.core.Response",                        // JAX-RS
        "dev.drydock.http.HttpApi",                           // adapter-http
        "io.kubernetes.client.openapi.ApiClient",             // adapter-k8s's client
        "org.slf4j.simple.SimpleServiceProvider",             // slf4j-simple 2.x
        "org.slf4j.impl.StaticLoggerBinder"                   // any slf4j 1.x backend
    })
    void isNotOnTheClassPath(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className),
                className + " is on an embedder's class path");
    }
}
