package dev.drydock.server;

import com.google.inject.Injector;
import dev.drydock.http.ApiServices;
import dev.drydock.http.HttpApi;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.server.internal.HttpModule;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The standalone server: {@code java -jar drydock-server.jar [--host H] [--port N]}. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        ServerConfig config;
        try {
            config = ServerConfig.from(args, System.getenv());
        } catch (ServerConfig.UsageException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Drydock drydock = Drydock.inMemory().settings(config.settings()).build();
        Injector http = drydock.injector().createChildInjector(new HttpModule());
        HttpApi api = HttpApi.start(http.getInstance(ApiServices.class), config.host(), config.port());

        SimulatedScheduler scheduler = drydock.scheduler();
        LOG.info("Drydock listening on {} (Drycc controller API 2.3)", api.uri());
        LOG.info("storage: in memory; everything is lost when the server stops");
        LOG.info("scheduler: {} ({})", scheduler.capabilities().name(), scheduler.capabilities().runsWorkloads()
                ? "runs workloads" : "runs no workloads: deploys, scaling and pods are recorded, not run");
        LOG.info("registration mode: {}; builder hooks: {}",
                config.settings().registrationMode().name().toLowerCase(java.util.Locale.ROOT),
                config.settings().builderKey().isPresent() ? "enabled" : "disabled (no DRYCC_BUILDER_KEY)");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            api.close();
            stopped.countDown();
        }, "drydock-shutdown"));
        stopped.await();
    }
}
