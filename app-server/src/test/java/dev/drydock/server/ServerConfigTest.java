package dev.drydock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Settings;
import dev.drydock.core.Settings.RegistrationMode;
import dev.drydock.server.ServerConfig.StorageKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void defaultsToLoopbackPort8000WithRegistrationOpen() {
        ServerConfig config = ServerConfig.from(new String[0], Map.of());
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8000);
        assertThat(config.settings().registrationMode()).isEqualTo(RegistrationMode.ENABLED);
        assertThat(config.settings().builderKey()).isEmpty();
    }

    @Test
    void flagsWinOverTheEnvironment() {
        ServerConfig config = ServerConfig.from(new String[] {"--port", "9001", "--host=0.0.0.0"},
                Map.of("PORT", "7000", "REGISTRATION_MODE", "admin_only",
                        "RESERVED_NAMES", "drycc, drycc-builder ,,grafana", "DRYCC_BUILDER_KEY", "k3y"));
        assertThat(config.port()).isEqualTo(9001);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.settings().registrationMode()).isEqualTo(RegistrationMode.ADMIN_ONLY);
        assertThat(config.settings().reservedNames()).containsExactly("drycc", "drycc-builder", "grafana");
        assertThat(config.settings().builderKey()).contains("k3y");
    }

    @Test
    void theDefaultStoreIsH2InTheDataDirectory() {
        ServerConfig config = ServerConfig.from(new String[0], Map.of());
        assertThat(config.storage().kind()).isEqualTo(StorageKind.H2);
        assertThat(config.storage().dataDir()).isEqualTo(Path.of("data"));

        ServerConfig elsewhere = ServerConfig.from(new String[] {"--data-dir", "/var/lib/drydock"},
                Map.of("DRYDOCK_DATA_DIR", "/tmp/ignored"));
        assertThat(elsewhere.storage().dataDir()).isEqualTo(Path.of("/var/lib/drydock"));
        assertThat(ServerConfig.from(new String[0], Map.of("DRYDOCK_DATA_DIR", "/srv/d")).storage().dataDir())
                .isEqualTo(Path.of("/srv/d"));
    }

    @Test
    void aDatabaseUrlSelectsPostgresWithCredentialsFromTheEnvironmentOnly() {
        ServerConfig config = ServerConfig.from(new String[] {"--database-url", "jdbc:postgresql://db:5432/drydock"},
                Map.of("DRYDOCK_DATABASE_USER", "drydock", "DRYDOCK_DATABASE_PASSWORD", "s3cret",
                        "DRYDOCK_DATABASE_POOL_SIZE", "20"));
        assertThat(config.storage().kind()).isEqualTo(StorageKind.DATABASE);
        assertThat(config.storage().databaseUrl()).isEqualTo("jdbc:postgresql://db:5432/drydock");
        assertThat(config.storage().user()).isEqualTo("drydock");
        assertThat(config.storage().password()).isEqualTo("s3cret");
        assertThat(config.storage().poolSize()).contains(20);
        assertThat(config.storage().toString()).doesNotContain("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");

        assertThat(ServerConfig.from(new String[0], Map.of("DRYDOCK_DATABASE_URL", "jdbc:postgresql://db/x"))
                .storage().kind()).isEqualTo(StorageKind.DATABASE);
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--database-password", "s3cret"}, Map.of()))
                .hasMessageContaining("DRYDOCK_DATABASE_PASSWORD").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--database-user=drydock"}, Map.of()))
                .hasMessageContaining("DRYDOCK_DATABASE_USER");
    }

    @Test
    void memoryIsChosenByName() {
        assertThat(ServerConfig.from(new String[] {"--storage", "memory"}, Map.of()).storage().kind())
                .isEqualTo(StorageKind.MEMORY);
        assertThat(ServerConfig.from(new String[0], Map.of("DRYDOCK_STORAGE", "memory")).storage().kind())
                .isEqualTo(StorageKind.MEMORY);
    }

    @Test
    void storageChoicesThatContradictEachOtherAreRefused() {
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--storage", "postgres"}, Map.of()))
                .hasMessageContaining("needs --database-url");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--storage", "memory", "--database-url",
                "jdbc:postgresql://db/x"}, Map.of())).hasMessageContaining("a database URL was given");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--storage", "mysql"}, Map.of()))
                .hasMessageContaining("memory, h2 or postgres");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--database-url", "mysql://db/x?password=pw"}, Map.of()))
                .hasMessageContaining("JDBC URL of PostgreSQL").hasMessageNotContaining("=pw");
        assertThatThrownBy(() -> ServerConfig.from(new String[0], Map.of("DRYDOCK_DATABASE_URL", "jdbc:postgresql://db/x",
                "DRYDOCK_DATABASE_POOL_SIZE", "0"))).hasMessageContaining("DRYDOCK_DATABASE_POOL_SIZE");
    }

    @Test
    void theLimitOfProcessesPerTypeComesFromItsFlagOrTheEnvironment() {
        assertThat(ServerConfig.from(new String[0], Map.of()).settings().limits().processesPerType()).isEqualTo(100);
        assertThat(ServerConfig.from(new String[0], Map.of("DRYDOCK_MAX_PROCESSES_PER_TYPE", "20"))
                .settings().limits().processesPerType()).isEqualTo(20);
        assertThat(ServerConfig.from(new String[] {"--max-processes-per-type=5"},
                Map.of("DRYDOCK_MAX_PROCESSES_PER_TYPE", "20")).settings().limits().processesPerType()).isEqualTo(5);

        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--max-processes-per-type", "0"}, Map.of()))
                .hasMessage("--max-processes-per-type must be a whole number from 1 to 2147483647, not 0");
        assertThatThrownBy(() -> ServerConfig.from(new String[0], Map.of("DRYDOCK_MAX_PROCESSES_PER_TYPE", "lots")))
                .hasMessage("DRYDOCK_MAX_PROCESSES_PER_TYPE must be a whole number from 1 to 2147483647, not lots");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--max-processes-per-type", "99999999999"}, Map.of()))
                .hasMessageContaining("from 1 to 2147483647");
    }

    @Test
    void theConfigLimitsComeFromTheirFlagsOrTheEnvironmentAndFitASecret() {
        Settings.Limits defaults = ServerConfig.from(new String[0], Map.of()).settings().limits();
        assertThat(defaults.configBytes()).isEqualTo(1_048_576);
        assertThat(defaults.configKeys()).isEqualTo(1000);
        Settings.Limits set = ServerConfig.from(new String[] {"--max-config-keys", "50"},
                Map.of("DRYDOCK_MAX_CONFIG_BYTES", "65536", "DRYDOCK_MAX_CONFIG_KEYS", "70")).settings().limits();
        assertThat(set.configBytes()).isEqualTo(65_536);
        assertThat(set.configKeys()).isEqualTo(50);

        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--max-config-bytes=2000000"}, Map.of()))
                .hasMessage("--max-config-bytes must be a whole number from 1 to 1048576, not 2000000");
        assertThatThrownBy(() -> ServerConfig.from(new String[0], Map.of("DRYDOCK_MAX_CONFIG_KEYS", "-1")))
                .hasMessage("DRYDOCK_MAX_CONFIG_KEYS must be a whole number from 1 to 2147483647, not -1");
    }

    @Test
    void theLargestPageComesFromItsFlagOrTheEnvironment() {
        assertThat(ServerConfig.from(new String[0], Map.of()).settings().limits().pageSize()).isEqualTo(1000);
        assertThat(ServerConfig.from(new String[0], Map.of("DRYDOCK_MAX_PAGE_SIZE", "250"))
                .settings().limits().pageSize()).isEqualTo(250);
        assertThat(ServerConfig.from(new String[] {"--max-page-size", "5000"}, Map.of("DRYDOCK_MAX_PAGE_SIZE", "250"))
                .settings().limits().pageSize()).isEqualTo(5000);
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--max-page-size=0"}, Map.of()))
                .hasMessage("--max-page-size must be a whole number from 1 to 2147483647, not 0");
    }

    @Test
    void aHostThatIsNoUriHostIsRefusedInOneLine() {
        for (String host : new String[] {"my_host", "999.1.1.1", "", " ", "host name", "-bad.example.com", "a..b"}) {
            assertThatThrownBy(() -> ServerConfig.from(new String[] {"--host", host}, Map.of()))
                    .as(host).isInstanceOf(ServerConfig.UsageException.class)
                    .hasMessage("--host must be an IP address or a hostname, not \"" + host + "\"");
        }
        assertThatThrownBy(() -> ServerConfig.from(new String[0], Map.of("DRYDOCK_HOST", "my_host")))
                .hasMessage("DRYDOCK_HOST must be an IP address or a hostname, not \"my_host\"");

        for (String host : new String[] {"0.0.0.0", "127.0.0.1", "::1", "[::1]", "localhost", "drydock.example.com"}) {
            assertThat(ServerConfig.from(new String[] {"--host=" + host}, Map.of()).host()).isEqualTo(host);
        }
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--port", "http"}, Map.of()))
                .hasMessageContaining("port must be a number");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--bogus"}, Map.of()))
                .hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> ServerConfig.from(new String[0], Map.of("REGISTRATION_MODE", "sometimes")))
                .hasMessageContaining("REGISTRATION_MODE");
    }

    @Test
    void httpLimitsComeFromTheEnvironmentAndBadOnesAreRefusedWithTheirName() {
        assertThat(ServerConfig.httpLimits(Map.of())).isEqualTo(dev.drydock.http.HttpLimits.DEFAULT);

        dev.drydock.http.HttpLimits set = ServerConfig.httpLimits(Map.of("DRYDOCK_HTTP_WORKERS", "4",
                "DRYDOCK_HTTP_QUEUE", "0", "DRYDOCK_BODY_TIMEOUT", "5", "DRYDOCK_WRITE_TIMEOUT", "7",
                "DRYDOCK_MAX_CONNECTIONS", "64", "DRYDOCK_DEPLOY_WORKERS", "48"));
        assertThat(set.workers()).isEqualTo(4);
        assertThat(set.queue()).isZero();
        assertThat(set.bodyDeadline()).hasSeconds(5);
        assertThat(set.writeDeadline()).hasSeconds(7);
        assertThat(set.maxConnections()).isEqualTo(64);
        assertThat(set.deployWorkers()).isEqualTo(48);

        assertThatThrownBy(() -> ServerConfig.httpLimits(Map.of("DRYDOCK_HTTP_WORKERS", "0")))
                .isInstanceOf(ServerConfig.UsageException.class)
                .hasMessage("DRYDOCK_HTTP_WORKERS must be a whole number from 1 to 1000, not 0");
        assertThatThrownBy(() -> ServerConfig.httpLimits(Map.of("DRYDOCK_DEPLOY_WORKERS", "0")))
                .isInstanceOf(ServerConfig.UsageException.class)
                .hasMessage("DRYDOCK_DEPLOY_WORKERS must be a whole number from 1 to 1000, not 0");
        assertThatThrownBy(() -> ServerConfig.httpLimits(Map.of("DRYDOCK_BODY_TIMEOUT", "1.5")))
                .isInstanceOf(ServerConfig.UsageException.class)
                .hasMessageStartingWith("DRYDOCK_BODY_TIMEOUT must be a whole number");
    }

    @Test
    void theSchedulerIsSimulatedUnlessAClusterIsAskedFor() {
        ServerConfig.SchedulerConfig plain = ServerConfig.from(new String[0], Map.of()).scheduler();
        assertThat(plain.kind()).isEqualTo(ServerConfig.SchedulerKind.SIMULATED);
        assertThat(plain.deployTimeout()).hasSeconds(120);

        ServerConfig.SchedulerConfig cluster = ServerConfig.from(
                new String[] {"--scheduler", "kubernetes", "--platform-domain=apps.example.com"},
                Map.of("KUBECONFIG", "/etc/drydock/kubeconfig" + java.io.File.pathSeparator + "/other",
                        "DRYCC_DEPLOY_TIMEOUT", "300", "DRYDOCK_KUBERNETES_TIMEOUT", "7",
                        "DRYDOCK_INGRESS_CLASS", "traefik", "DRYDOCK_HTTPS_ANNOTATION",
                        "traefik.ingress.kubernetes.io/router.tls")).scheduler();
        assertThat(cluster.kind()).isEqualTo(ServerConfig.SchedulerKind.KUBERNETES);
        assertThat(cluster.kubeconfig()).contains(java.nio.file.Path.of("/etc/drydock/kubeconfig"));
        assertThat(cluster.platformDomain()).contains("apps.example.com");
        assertThat(cluster.deployTimeout()).hasSeconds(300);
        assertThat(cluster.callTimeout()).hasSeconds(7);
        assertThat(cluster.ingressClass()).contains("traefik");
        assertThat(cluster.httpsAnnotation()).contains("traefik.ingress.kubernetes.io/router.tls");

        assertThat(ServerConfig.from(new String[0], Map.of("DRYDOCK_SCHEDULER", "kubernetes",
                "DRYDOCK_PLATFORM_DOMAIN", "example.org")).scheduler())
                .satisfies(s -> assertThat(s.kind()).isEqualTo(ServerConfig.SchedulerKind.KUBERNETES))
                .satisfies(s -> assertThat(s.platformDomain()).contains("example.org"));
        // the flag wins over the environment
        assertThat(ServerConfig.from(new String[] {"--scheduler=simulated"},
                Map.of("DRYDOCK_SCHEDULER", "kubernetes")).scheduler().kind())
                .isEqualTo(ServerConfig.SchedulerKind.SIMULATED);
    }

    @Test
    void aBadSchedulerSettingIsRefusedWithItsName() {
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--scheduler", "nomad"}, Map.of()))
                .isInstanceOf(ServerConfig.UsageException.class)
                .hasMessage("--scheduler must be simulated or kubernetes, not nomad");
        assertThatThrownBy(() -> ServerConfig.from(new String[0], Map.of("DRYCC_DEPLOY_TIMEOUT", "2m")))
                .isInstanceOf(ServerConfig.UsageException.class)
                .hasMessageStartingWith("DRYCC_DEPLOY_TIMEOUT must be a whole number");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--platform-domain", "under_score.example"},
                Map.of()))
                .isInstanceOf(ServerConfig.UsageException.class)
                .hasMessageStartingWith("--platform-domain or DRYDOCK_PLATFORM_DOMAIN: The platform domain must be");
        assertThatThrownBy(() -> ServerConfig.from(new String[0], Map.of("DRYDOCK_INGRESS_CLASS", "Not A Label")))
                .isInstanceOf(ServerConfig.UsageException.class)
                .hasMessageStartingWith("DRYDOCK_INGRESS_CLASS: The ingress class must be");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--platform-domain"}, Map.of()))
                .isInstanceOf(ServerConfig.UsageException.class).hasMessageContaining("needs a value");
    }

    @Test
    void metricsAreOffUnlessAPortIsGivenAndTheFlagWins() {
        assertThat(ServerConfig.from(new String[0], Map.of()).metricsPort()).isEmpty();
        assertThat(ServerConfig.from(new String[0], Map.of("DRYDOCK_METRICS_PORT", " ")).metricsPort()).isEmpty();
        assertThat(ServerConfig.from(new String[0], Map.of("DRYDOCK_METRICS_PORT", "9464")).metricsPort())
                .contains(9464);
        assertThat(ServerConfig.from(new String[] {"--metrics-port=0"}, Map.of("DRYDOCK_METRICS_PORT", "9464"))
                .metricsPort()).contains(0);
        assertThatThrownBy(() -> ServerConfig.from(new String[0], Map.of("DRYDOCK_METRICS_PORT", "70000")))
                .isInstanceOf(ServerConfig.UsageException.class)
                .hasMessage("DRYDOCK_METRICS_PORT: port must be between 0 and 65535, not 70000");
    }
}
