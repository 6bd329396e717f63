package dev.drydock.server.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The yardstick for bench/app-list.sh: a bare Jersey + Grizzly + Jackson endpoint with no auth and no
 * storage, on the same stack and JVM as the server. Not a test; started by the benchmark script.
 */
public final class BareEndpoint {
    private BareEndpoint() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        ResourceConfig config = new ResourceConfig().register(JacksonFeature.class).register(new Bare())
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + port + "/"),
                config, true);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        Thread.currentThread().join();
    }

    @Path("bare")
    public static final class Bare {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public Map<String, Object> get() {
            return Map.of("count", 0, "next", "", "previous", "", "results", List.of());
        }
    }
}
