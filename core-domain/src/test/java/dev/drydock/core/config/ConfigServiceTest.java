package dev.drydock.core.config;

import static dev.drydock.core.release.ReleaseBench.change;
import static dev.drydock.core.release.ReleaseBench.map;
import static dev.drydock.core.release.ReleaseBench.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Settings;
import dev.drydock.core.release.ReleaseBench;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.ForbiddenException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.UnavailableException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.error.UnauthorizedException;
import dev.drydock.ports.error.UnprocessableException;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.spi.DeployPlan;
import dev.drydock.ports.usecase.ConfigChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConfigServiceTest {
    private final ReleaseBench bench = new ReleaseBench();
    private final ConfigService configs = bench.configs;
    private final String app = bench.app();

    private static void assertFieldError(ThrowingCallable call, String field, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidException.class,
                e -> assertThat(e.fieldErrors()).isEqualTo(Map.of(field, List.of(message))));
    }

    private static ConfigChange field(String name, Map<String, Object> entries) {
        return new ConfigChange(
                name.equals("values") ? entries : null,
                name.equals("memory") ? entries : null,
                name.equals("cpu") ? entries : null,
                name.equals("tags") ? entries : null,
                name.equals("registry") ? entries : null,
                name.equals("healthcheck") ? entries : null,
                name.equals("lifecycle_post_start") ? entries : null,
                name.equals("lifecycle_pre_stop") ? entries : null,
                name.equals("termination_grace_period") ? entries : null);
    }

    private void assertRejected(String field, Map<String, Object> entries, String message) {
        int before = bench.latestVersion(app);
        assertFieldError(() -> configs.set(bench.owner, app, field(field, entries)), field, message);
        assertThat(bench.latestVersion(app)).isEqualTo(before);
    }

    private void assertAccepted(String field, Map<String, Object> entries) {
        configs.set(bench.owner, app, field(field, entries));
    }

    @Nested
    class Reading {
        @Test
        void aNewAppHasAnEmptyConfig() {
            Config config = configs.get(bench.owner, app);

            assertThat(config.app()).isEqualTo(app);
            assertThat(config.values()).isEmpty();
            assertThat(config.healthcheck()).isEmpty();
        }

        @Test
        void collaboratorsAndAdminsMayReadOutsidersMayNot() {
            assertThat(configs.get(bench.mate, app).app()).isEqualTo(app);
            assertThat(configs.get(bench.admin, app).app()).isEqualTo(app);
            assertThatThrownBy(() -> configs.get(bench.outsider, app)).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> configs.get(bench.owner, "no-such-app"))
                    .isInstanceOf(NotFoundException.class).hasMessage("No App matches the given query.");
        }
    }

    @Nested
    class Merging {
        @Test
        void eachChangeMakesANewConfigAndRelease() {
            Config config = configs.set(bench.owner, app, values(map("A", "1")));

            assertThat(config.values()).isEqualTo(Map.of("A", "1"));
            assertThat(config.owner()).isEqualTo("owner");
            Release v2 = bench.release(app, 2);
            assertThat(v2.config()).isEqualTo(config.uuid());
            assertThat(v2.summary()).isEqualTo("owner added A");
            assertThat(v2.build()).isNull();
            assertThat(configs.get(bench.owner, app)).isEqualTo(config);
            assertThat(bench.platform.logMessages(app, 10)).contains("owner added A");
        }

        @Test
        void refusesACallerDeactivatedAfterTheirTokenWasChecked() {
            Config before = configs.get(bench.owner, app);
            bench.platform.beforeNextWrite(() -> bench.platform.deactivate("owner"));

            assertThatThrownBy(() -> configs.set(bench.owner, app, values(map("A", "1"))))
                    .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");

            assertThat(bench.latestVersion(app)).isEqualTo(1);
            java.util.Optional<Config> latest = bench.read(store -> store.configs().latest(app));
            assertThat(latest).contains(before);
            assertThat(bench.platform.logMessages(app, 10)).doesNotContain("owner added A");
        }

        @Test
        void setsKeepsAndUnsetsKeysAsUpstreamsExampleShows() {
            configs.set(bench.owner, app, values(map("A", "1")));
            configs.set(bench.owner, app, values(map("B", "2")));
            assertThat(configs.get(bench.owner, app).values()).isEqualTo(Map.of("A", "1", "B", "2"));

            configs.set(bench.owner, app, values(map("A", null)));
            assertThat(configs.get(bench.owner, app).values()).isEqualTo(Map.of("B", "2"));
            assertThat(bench.release(app, 4).summary()).isEqualTo("owner deleted A");

            assertThatThrownBy(() -> configs.set(bench.owner, app, values(map("A", null))))
                    .isInstanceOf(UnprocessableException.class).hasMessage("A does not exist under values");
            assertThat(bench.latestVersion(app)).isEqualTo(4);
        }

        @Test
        void unsettingAMissingKeyNamesTheField() {
            assertThatThrownBy(() -> configs.set(bench.owner, app, field("cpu", map("cmd", null))))
                    .isInstanceOf(UnprocessableException.class).hasMessage("cmd does not exist under cpu");
        }

        @Test
        void aChangeThatChangesNothingIsAConflictAndStoresNothing() {
            configs.set(bench.owner, app, values(map("A", "1")));
            Config before = configs.get(bench.owner, app);

            assertThatThrownBy(() -> configs.set(bench.mate, app, values(map("A", "1"))))
                    .isInstanceOf(ConflictException.class).hasMessage("mate changed nothing - release stopped");
            assertThatThrownBy(() -> configs.set(bench.owner, app, change()))
                    .isInstanceOf(ConflictException.class).hasMessage("owner changed nothing - release stopped");

            assertThat(bench.latestVersion(app)).isEqualTo(2);
            java.util.Optional<Config> latest = bench.read(store -> store.configs().latest(app));
            assertThat(latest).contains(before);
        }

        @Test
        void valuesThatAreNotTextAreStoredAsJsonValues() {
            Config config = configs.set(bench.owner, app, values(map("PORT", 5000, "DEBUG", true, "RATIO", 0.5)));

            // numbers as JSON text reads them, so every store gives back what was stored
            assertThat(config.values()).containsEntry("PORT", 5000).containsEntry("DEBUG", true)
                    .containsEntry("RATIO", new java.math.BigDecimal("0.5"));
        }

        @Test
        void limitsAndTagsAreStoredAsText() {
            Config config = configs.set(bench.owner, app, new ConfigChange(null, map("web", "1G"), map("web", 2),
                    map("disk", "ssd"), null, null, null, null, map("web", 60)));

            assertThat(config.memory()).isEqualTo(Map.of("web", "1G"));
            assertThat(config.cpu()).isEqualTo(Map.of("web", "2"));
            assertThat(config.tags()).isEqualTo(Map.of("disk", "ssd"));
            assertThat(config.terminationGracePeriod()).isEqualTo(Map.of("web", "60"));
        }

        @Test
        void registryKeysAreLowercasedAndNeedAPort() {
            assertThatThrownBy(() -> configs.set(bench.owner, app, field("registry", map("USERNAME", "bob"))))
                    .isInstanceOfSatisfying(InvalidException.class, e -> {
                        assertThat(e.getMessage())
                                .isEqualTo("PORT needs to be set in the config when using a private registry");
                        assertThat(e.fieldErrors()).isEmpty();
                    });

            configs.set(bench.owner, app, values(map("PORT", "5000")));
            Config config = configs.set(bench.owner, app, field("registry", map("USERNAME", "bob", "password", "pw")));

            assertThat(config.registry()).isEqualTo(Map.of("username", "bob", "password", "pw"));
            assertThat(bench.release(app, 3).summary()).isEqualTo("owner added registry info password, username");
        }

        @Test
        void lifecycleHooksAreKeptPerProcessType() {
            Config config = configs.set(bench.owner, app, new ConfigChange(null, null, null, null, null, null,
                    map("web", "echo started"), map("web", "sleep 5"), null));

            assertThat(config.lifecyclePostStart()).isEqualTo(Map.of("web", "echo started"));
            assertThat(config.lifecyclePreStop()).isEqualTo(Map.of("web", "sleep 5"));
            assertThat(bench.release(app, 2).summary())
                    .isEqualTo("owner added lifecycle_post_start for web and owner added lifecycle_pre_stop for web");
        }
    }

    @Nested
    class Summaries {
        @Test
        void listAddedChangedAndDeletedKeysInOrder() {
            configs.set(bench.owner, app, values(map("B", "1", "A", "1", "C", "1")));
            assertThat(bench.release(app, 2).summary()).isEqualTo("owner added A, B, C");

            configs.set(bench.mate, app, values(map("D", "1", "A", "2", "C", null)));
            assertThat(bench.release(app, 3).summary()).isEqualTo("mate added D, changed A, deleted C");
        }

        @Test
        void joinEveryChangedFieldWithAnd() {
            configs.set(bench.owner, app, new ConfigChange(map("A", "1"), map("web", "1G"), map("web", "500m"),
                    map("disk", "ssd"), null, null, null, null, map("web", "30")));

            assertThat(bench.release(app, 2).summary()).isEqualTo("owner added A and owner changed limits for "
                    + "memory, cpu and owner added tag disk and owner changed timeouts for termination_grace_period");
        }

        @Test
        void nameHealthcheckProcessTypes() {
            configs.set(bench.owner, app, field("healthcheck",
                    map("web", map("livenessProbe", map("tcpSocket", map("port", 5000))))));
            assertThat(bench.release(app, 2).summary()).isEqualTo("owner added healthcheck info for proc type web");

            configs.set(bench.owner, app, field("healthcheck", map("web", null)));
            assertThat(bench.release(app, 3).summary()).isEqualTo("owner deleted healthcheck info for proc type web");
        }
    }

    @Nested
    class Validating {
        private static final String BAD_KEY =
                "Config keys must start with a letter or underscore and only contain [A-z0-9_]";

        @Test
        void configKeys() {
            for (String key : List.of("FOO", "_foo", "f001", "FOO_BAR_BAZ_")) {
                assertAccepted("values", map(key, "x"));
            }
            for (String key : List.of("123", "FOO-BAR", "FOO/", "../../foo")) {
                assertRejected("values", map(key, "x"), BAD_KEY);
            }
        }

        @Test
        void valuesRegistryTagsAndLifecycleHooksAreStringsNumbersOrBooleansNotObjectsOrArrays() {
            assertRejected("values", map("A", map("b", 1)), "A can only be a string, a number or a boolean, not an object");
            assertRejected("values", map("B", List.of(1, 2)), "B can only be a string, a number or a boolean, not an array");
            assertRejected("registry", map("password", List.of("pw")),
                    "password can only be a string, a number or a boolean, not an array");
            assertRejected("lifecycle_post_start", map("web", map("exec", "ls")),
                    "web can only be a string, a number or a boolean, not an object");
            assertRejected("lifecycle_pre_stop", map("web", List.of("sleep", "5")),
                    "web can only be a string, a number or a boolean, not an array");
            // an empty object is no tag value either, though it is as false as "" is
            assertRejected("tags", map("disk", map()), "disk can only be a string, a number or a boolean, not an object");
            assertRejected("tags", map("disk", List.of()), "disk can only be a string, a number or a boolean, not an array");
            assertThat(configs.get(bench.owner, app).values()).isEmpty();
            assertAccepted("values", map("A", "x", "B", 2, "C", false));
        }

        @Test
        void port() {
            assertRejected("values", map("PORT", "web"), "PORT can only be a numeric value");
            assertRejected("values", map("PORT", -1), "PORT can only be a numeric value");
            assertRejected("values", map("PORT", "0"), "PORT needs to be between 1 and 65535");
            assertRejected("values", map("PORT", 65536), "PORT needs to be between 1 and 65535");
            assertAccepted("values", map("PORT", 65535));
        }

        @Test
        @Timeout(5)
        void aPortOfAMillionDigitsIsRefusedWithoutReadingThemAll() {
            assertRejected("values", map("PORT", "9".repeat(1_000_000)), "PORT needs to be between 1 and 65535");
            assertRejected("values", map("PORT", "0".repeat(1_000_000)), "PORT needs to be between 1 and 65535");
            assertAccepted("values", map("PORT", "0".repeat(1_000_000) + "8080"));
            assertThat(configs.get(bench.owner, app).values().get("PORT").toString()).endsWith("08080");
        }

        @Test
        void healthcheckValues() {
            assertRejected("values", map("HEALTHCHECK_URL", "http://example.com/healthz"),
                    "HEALTHCHECK_URL can only be a URI path (such as /healthz) that does not contain other things"
                            + " such as query params");
            assertRejected("values", map("HEALTHCHECK_URL", "/healthz?verbose=1"),
                    "HEALTHCHECK_URL can only be a URI path (such as /healthz) that does not contain other things"
                            + " such as query params");
            assertRejected("values", map("HEALTHCHECK_URL", "?verbose=1"),
                    "HEALTHCHECK_URL is missing a URI path (such as /healthz). Without it no health check can be done");
            assertRejected("values", map("HEALTHCHECK_TIMEOUT", "soon"), "HEALTHCHECK_TIMEOUT can only be a numeric value");
        }

        @Test
        void memoryLimits() {
            String message = "Memory limit format: <number><unit> or <number><unit>/<number><unit>, "
                    + "where unit = B, K, M or G";
            for (String limit : List.of("1G", "512m", "512MB", "0", "256M/1G", "1kb")) {
                assertAccepted("memory", map("web", limit));
            }
            assertRejected("memory", map("web", "1Z"), message);
            assertRejected("memory", map("web", "1G/"), message);
            assertRejected("memory", map("Web", "1G"),
                    "Process types can only contain lowercase alphanumeric characters");
        }

        @Test
        void cpuLimits() {
            for (String limit : List.of("1024", "512m", "1/2", "300m/4000m", "0.5")) {
                assertAccepted("cpu", map("web", limit));
            }
            assertRejected("cpu", map("web", "lots"),
                    "CPU limit format: <value> or <value>/<value>, where value must be a numeric");
        }

        @Test
        void terminationGracePeriods() {
            assertRejected("termination_grace_period", map("web", "1m"),
                    "Termination Grace Period format: <value>, where value must be a numeric");
        }

        @Test
        void tags() {
            assertAccepted("tags", map("example.com/disk", "ssd"));
            assertRejected("tags", map("a/b/c", "x"), ConfigRules.BAD_TAG_KEY_SLASHES);
            assertRejected("tags", map("x".repeat(254) + "/disk", "ssd"), "Tag key prefixes must 253 characters or less.");
            assertRejected("tags", map("bad_prefix!/disk", "ssd"), "Tag key prefixes must be DNS subdomains.");
            assertRejected("tags", map("-disk", "ssd"), "Tag keys must be alphanumeric or \"-_.\", and 1-63 characters.");
            assertRejected("tags", map("disk", "s s d"),
                    "Tag values must be alphanumeric or \"-_.\", and 1-63 characters.");
        }

        @Test
        void registryKeys() {
            assertRejected("registry", map("user-name", "bob"), BAD_KEY);
        }

        @Test
        void healthcheckProbes() {
            assertRejected("healthcheck", map("web", map("startupProbe", map("tcpSocket", map("port", 1)))),
                    "Healthcheck keys must be either livenessProbe or readinessProbe");
            // the v2.1 shape (probes at the top) is no longer accepted as input
            assertRejected("healthcheck", map("livenessProbe", map("httpGet", map("port", 80))),
                    "Healthcheck keys must be either livenessProbe or readinessProbe");
            assertRejected("healthcheck", map("web", map("livenessProbe", map("httpGet", map("port", "50")))),
                    "could not validate {'httpGet': {'port': '50'}}: '50' is not of type 'integer'");
            assertRejected("healthcheck", map("web", map("readinessProbe", map("httpGet", map("path", "/")))),
                    "could not validate {'httpGet': {'path': '/'}}: 'port' is a required property");
            assertRejected("healthcheck", map("web", map("livenessProbe", map("exec", map("command", List.of())))),
                    "could not validate {'exec': {'command': []}}: [] is too short");
            assertRejected("healthcheck", map("web", map("livenessProbe",
                            map("tcpSocket", map("port", 80), "successThreshold", 2))),
                    "livenessProbe successThreshold can only be 1");
            assertAccepted("healthcheck", map("web", map("readinessProbe",
                    map("tcpSocket", map("port", 80), "successThreshold", 2))));
        }

        @Test
        void everyFieldWithAProblemIsReported() {
            ConfigChange change = new ConfigChange(map("1A", "x"), map("web", "lots"), null, null, null, null,
                    null, null, null);

            assertThatThrownBy(() -> configs.set(bench.owner, app, change))
                    .isInstanceOfSatisfying(InvalidException.class, e -> assertThat(e.fieldErrors())
                            .containsOnlyKeys("values", "memory"));
        }

        @Test
        void outsidersAreRefusedBeforeTheirInputIsChecked() {
            assertThatThrownBy(() -> configs.set(bench.outsider, app, values(map("1A", "x"))))
                    .isInstanceOf(ForbiddenException.class);
        }
    }

    @Nested
    class Healthchecks {
        @Test
        void legacyValuesBecomeTheWebCmdHealthcheck() {
            Config config = configs.set(bench.owner, app,
                    values(map("HEALTHCHECK_URL", "/healthz", "HEALTHCHECK_TIMEOUT", "5", "OTHER", "x")));

            assertThat(config.values()).isEqualTo(Map.of("OTHER", "x"));
            Map<String, Object> probe = Map.of("httpGet", Map.of("path", "/healthz"), "initialDelaySeconds", 50,
                    "timeoutSeconds", 5, "periodSeconds", 10, "successThreshold", 1, "failureThreshold", 3);
            assertThat(config.healthcheck())
                    .isEqualTo(Map.of("web/cmd", Map.of("livenessProbe", probe, "readinessProbe", probe)));
        }

        @Test
        void probesMergePerProcessType() {
            Map<String, Object> liveness = map("tcpSocket", map("port", 5000));
            Map<String, Object> readiness = map("httpGet", map("path", "/ready", "port", 5000));
            configs.set(bench.owner, app, field("healthcheck", map("web", map("livenessProbe", liveness))));
            configs.set(bench.owner, app, field("healthcheck", map("web", map("readinessProbe", readiness))));

            assertThat(configs.get(bench.owner, app).healthcheck())
                    .isEqualTo(Map.of("web", Map.of("livenessProbe", liveness, "readinessProbe", readiness)));

            configs.set(bench.owner, app, field("healthcheck", map("web", map("livenessProbe", null))));
            assertThat(configs.get(bench.owner, app).healthcheck())
                    .isEqualTo(Map.of("web", Map.of("readinessProbe", readiness)));

            assertThatThrownBy(() -> configs.set(bench.owner, app,
                    field("healthcheck", map("web", map("livenessProbe", null)))))
                    .isInstanceOf(UnprocessableException.class).hasMessage("web does not exist under healthcheck");
            assertThatThrownBy(() -> configs.set(bench.owner, app, field("healthcheck", map("worker", null))))
                    .isInstanceOf(UnprocessableException.class).hasMessage("worker does not exist under healthcheck");

            configs.set(bench.owner, app, field("healthcheck", map("web", null)));
            assertThat(configs.get(bench.owner, app).healthcheck()).isEmpty();
        }
    }

    @Nested
    class Tags {
        private final ReleaseBench cluster = new ReleaseBench(Settings.defaults(),
                List.of(Map.of("disk", "ssd", "zone", "a"), Map.of("disk", "hdd")), SimulatedScheduler.NOT_EXECUTED);
        private final String appOnCluster = cluster.app();

        @Test
        void needANodeCarryingAllOfThem() {
            assertThatThrownBy(() -> cluster.configs.set(cluster.owner, appOnCluster,
                    field("tags", map("disk", "nvme"))))
                    .isInstanceOf(InvalidException.class)
                    .hasMessage("No nodes matched the provided labels: disk=nvme");

            cluster.configs.set(cluster.owner, appOnCluster, field("tags", map("disk", "hdd")));

            assertThatThrownBy(() -> cluster.configs.set(cluster.owner, appOnCluster,
                    field("tags", map("zone", "a"))))
                    .isInstanceOf(InvalidException.class)
                    .hasMessage("No nodes matched the provided labels: disk=hdd, zone=a - Addition of zone=a is "
                            + "the cause");
            assertThat(cluster.configs.get(cluster.owner, appOnCluster).tags()).isEqualTo(Map.of("disk", "hdd"));

            cluster.configs.set(cluster.owner, appOnCluster, field("tags", map("disk", "ssd", "zone", "a")));
            assertThat(cluster.latestVersion(appOnCluster)).isEqualTo(3);
        }
    }

    @Nested
    class Limits {
        private final ReleaseBench small = new ReleaseBench(Settings.defaults()
                .withLimits(Settings.Limits.defaults().withConfigKeys(3).withConfigBytes(100)));
        private final String tiny = small.app();

        @Test
        void eachFieldHoldsAtMostTheKeysAllowed() {
            small.configs.set(small.owner, tiny, values(map("A", "1", "B", "2", "C", "3")));

            InvalidException refused = catchInvalid(() -> small.configs.set(small.owner, tiny, values(map("D", "4"))));
            assertThat(small.latestVersion(tiny)).isEqualTo(2);
            assertThat(refused.fieldErrors()).isEqualTo(Map.of("values",
                    List.of("A config may hold at most 3 keys under values; this change would make it 4.")));
            assertThat(small.configs.get(small.owner, tiny).values()).containsOnlyKeys("A", "B", "C");
            InvalidException types = catchInvalid(() -> small.configs.set(small.owner, tiny,
                    field("memory", map("web", "1G", "worker", "1G", "clock", "1G", "mail", "1G"))));
            assertThat(types.fieldErrors()).containsOnlyKeys("memory");

            small.configs.set(small.owner, tiny, values(map("D", "4", "A", null)));
            assertThat(small.configs.get(small.owner, tiny).values()).containsOnlyKeys("B", "C", "D");
        }

        @Test
        void aConfigTakesAtMostTheBytesAllowedCountedAsUtf8KeysAndValues() {
            small.configs.set(small.owner, tiny, values(map("A", "x".repeat(90))));
            // 1 + 90 + 1 + 4 bytes: "é" is two
            small.configs.set(small.owner, tiny, values(map("B", "éé")));
            assertThat(small.latestVersion(tiny)).isEqualTo(3);

            assertThatThrownBy(() -> small.configs.set(small.owner, tiny, values(map("C", "12345"))))
                    .isInstanceOfSatisfying(InvalidException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("This change would make the config take 102 bytes; a "
                                + "config may take at most 100 (its keys and values as UTF-8 text), what one "
                                + "Kubernetes Secret holds");
                        assertThat(e.fieldErrors()).isEmpty();
                    });
            // every field counts, not only the env
            assertThatThrownBy(() -> small.configs.set(small.owner, tiny,
                    new ConfigChange(null, null, null, null, null, null, map("web", "sleep 5"), null, null)))
                    .isInstanceOf(InvalidException.class).hasMessageContaining("take 106 bytes");
            assertThat(small.latestVersion(tiny)).isEqualTo(3);

            small.configs.set(small.owner, tiny, values(map("B", "é")));
            assertThat(small.latestVersion(tiny)).isEqualTo(4);
        }

        @Test
        void aConfigBeyondALimitLoweredLaterMayStillShrink() {
            configs.set(bench.owner, app, values(map("A", "0123456789", "B", "0123456789")));
            ConfigService lowered = new ConfigService(bench.platform.transactions, bench.scheduler, bench.releaser,
                    bench.platform.clock, Settings.Limits.defaults().withConfigKeys(1).withConfigBytes(10));

            lowered.set(bench.owner, app, values(map("A", null)));

            assertThat(configs.get(bench.owner, app).values()).containsOnlyKeys("B");
            assertThatThrownBy(() -> lowered.set(bench.owner, app, values(map("B", "01234567890"))))
                    .isInstanceOf(InvalidException.class).hasMessageContaining("take 12 bytes");
            assertThatThrownBy(() -> lowered.set(bench.owner, app, values(map("C", "1"))))
                    .isInstanceOf(InvalidException.class);
        }

        @Test
        void theDefaultsAreAMebibyteAndAThousandKeys() {
            configs.set(bench.owner, app, values(map("BIG", "x".repeat(1024 * 1024 - 3))));
            assertThatThrownBy(() -> configs.set(bench.owner, app, values(map("A", "1"))))
                    .isInstanceOf(InvalidException.class)
                    .hasMessageStartingWith("This change would make the config take 1048578 bytes; a config may "
                            + "take at most 1048576");
            configs.set(bench.owner, app, values(map("BIG", null)));

            Map<String, Object> thousand = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 1000; i++) {
                thousand.put("K" + i, "v");
            }
            configs.set(bench.owner, app, values(thousand));
            assertThatThrownBy(() -> configs.set(bench.owner, app, values(map("ONE_MORE", "v"))))
                    .isInstanceOf(InvalidException.class);
        }

        private InvalidException catchInvalid(ThrowingCallable call) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
            assertThat(thrown).isInstanceOf(InvalidException.class);
            return (InvalidException) thrown;
        }
    }

    @Nested
    class Sharing {
        @Test
        void valuesLeftAsTheyWereAreTheObjectsOfTheConfigBeforeNotCopies() {
            String big = "a long value ".repeat(10);
            Config first = configs.set(bench.owner, app, values(map("BIG", big, "A", "1")));

            // a client that sends the whole env back with one change: the big value arrives anew
            Config second = configs.set(bench.owner, app, values(map("BIG", anew(big), "A", "2")));
            Config third = configs.set(bench.owner, app, new ConfigChange(map("B", "3"), map("web", "1G"), null,
                    null, null, null, null, null, null));
            Config fourth = configs.set(bench.owner, app, new ConfigChange(map("BIG", anew(big)),
                    map("web", anew("1G")), map("web", "1"), null, null, null, null, null, null));

            Object shared = first.values().get("BIG");
            assertThat(second.values().get("BIG")).isSameAs(shared);
            assertThat(third.values().get("BIG")).isSameAs(shared);
            assertThat(fourth.values().get("BIG")).isSameAs(shared);
            assertThat(fourth.memory().get("web")).isSameAs(third.memory().get("web"));
            assertThat(bench.configOf(bench.release(app, 5)).values().get("BIG")).isSameAs(shared);
        }

        @Test
        void healthchecksLeftAsTheyWereAreTheTreesOfTheConfigBefore() {
            Config first = configs.set(bench.owner, app, field("healthcheck", map(
                    "web", map("livenessProbe", map("exec", map("command", List.of("true")))),
                    "worker", map("readinessProbe", map("tcpSocket", map("port", 5000))))));

            Config second = configs.set(bench.owner, app, values(map("A", "1")));
            Config third = configs.set(bench.owner, app, field("healthcheck",
                    map("worker", map("readinessProbe", map("tcpSocket", map("port", 6000))))));

            assertThat(second.healthcheck().get("web")).isSameAs(first.healthcheck().get("web"));
            assertThat(second.healthcheck().get("worker")).isSameAs(first.healthcheck().get("worker"));
            assertThat(third.healthcheck().get("web")).isSameAs(first.healthcheck().get("web"));
            assertThat(third.healthcheck().get("worker")).isNotEqualTo(first.healthcheck().get("worker"));
            assertThat(bench.configOf(bench.release(app, 4)).healthcheck()).isEqualTo(third.healthcheck());
        }

        @Test
        void aThousandChangesThatResendAMebibyteValueKeepItOnce() {
            String big = "x".repeat(1_000_000);
            configs.set(bench.owner, app, values(map("BIG", big)));
            long before = usedHeapAfterGc();

            for (int i = 0; i < 1000; i++) {
                configs.set(bench.owner, app, values(map("BIG", anew(big), "N", String.valueOf(i))));
            }

            assertThat(bench.latestVersion(app)).isEqualTo(1002);
            // copies would keep about 1,000 MB; a shared value keeps the releases small
            assertThat(usedHeapAfterGc() - before).isLessThan(64L * 1024 * 1024);
        }

        /** Equal text in a string of its own, as a request parsed anew gives it. */
        private String anew(String text) {
            return new String(text.toCharArray());
        }

        private long usedHeapAfterGc() {
            Runtime runtime = Runtime.getRuntime();
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            return runtime.totalMemory() - runtime.freeMemory();
        }
    }

    @Nested
    class Deploying {
        @Test
        void aChangeAfterABuildIsDeployedWithTheNewConfig() {
            bench.imageBuild(app);

            Config config = configs.set(bench.owner, app, values(map("A", "1")));

            List<DeployPlan> plans = bench.scheduler.deployments(app);
            assertThat(plans).hasSize(2);
            assertThat(plans.get(1).config()).isEqualTo(config);
            assertThat(plans.get(1).release().version()).isEqualTo(3);
            assertThat(plans.get(1).structure()).isEqualTo(Map.of("cmd", 1));
        }

        @Test
        void aFailedDeployKeepsAFailedReleaseAndLaterChangesBuildOnTheLastGoodConfig() {
            bench.imageBuild(app);
            configs.set(bench.owner, app, values(map("GOOD", "1")));
            bench.scheduler.failNext(Operation.DEPLOY, DrydockException.invalid("Boom!"));

            assertThatThrownBy(() -> configs.set(bench.owner, app, values(map("BAD", "1"))))
                    .isInstanceOfSatisfying(InvalidException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("(app::deploy): Boom!");
                        assertThat(e.fieldErrors()).isEmpty();
                    });

            Release failed = bench.release(app, 4);
            assertThat(failed.failed()).isTrue();
            assertThat(failed.summary()).isEqualTo("owner deployed a config that failed");
            assertThat(failed.exception()).isEqualTo("error: (app::deploy): Boom!");
            assertThat(configs.get(bench.owner, app).values()).isEqualTo(Map.of("GOOD", "1"));

            Config next = configs.set(bench.owner, app, values(map("NEXT", "1")));
            assertThat(next.values()).isEqualTo(Map.of("GOOD", "1", "NEXT", "1"));
            assertThat(bench.release(app, 5).summary()).isEqualTo("owner added NEXT");
        }

        @Test
        void aClusterThatCannotBeReachedIsA503AndTheReleaseIsMarkedFailed() {
            bench.imageBuild(app);
            bench.scheduler.failNext(Operation.DEPLOY, DrydockException.unavailable("Kubernetes is unreachable"));

            assertThatThrownBy(() -> configs.set(bench.owner, app, values(map("A", "1"))))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("(app::deploy): Kubernetes is unreachable");

            assertThat(bench.release(app, 3).failed()).isTrue();
            assertThat(configs.get(bench.owner, app).values()).isEmpty();
            // once it answers again, the same change goes through
            assertThat(configs.set(bench.owner, app, values(map("A", "1"))).values()).containsEntry("A", "1");
        }
    }

    @Nested
    class AtTheSameTime {
        @Test
        void manyChangesToOneAppAllLandWithContiguousVersions() throws Exception {
            int threads = 8;
            int keysEach = 10;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Void>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    Callable<Void> work = () -> {
                        start.await();
                        for (int k = 0; k < keysEach; k++) {
                            configs.set(thread % 2 == 0 ? bench.owner : bench.mate, app,
                                    values(map("KEY_" + thread + "_" + k, String.valueOf(k))));
                        }
                        return null;
                    };
                    done.add(pool.submit(work));
                }
                start.countDown();
                for (Future<Void> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }

            int expected = 1 + threads * keysEach;
            List<Integer> versions = bench.releases.list(bench.owner, app,
                    new dev.drydock.ports.model.PageRequest(1000, 0)).results().stream()
                    .map(Release::version).toList();
            assertThat(versions).isEqualTo(IntStream.rangeClosed(1, expected).map(v -> expected + 1 - v)
                    .boxed().toList());
            Map<String, Object> finalValues = configs.get(bench.owner, app).values();
            assertThat(finalValues).hasSize(threads * keysEach);
            for (int t = 0; t < threads; t++) {
                for (int k = 0; k < keysEach; k++) {
                    assertThat(finalValues).containsEntry("KEY_" + t + "_" + k, String.valueOf(k));
                }
            }
        }
    }
}
