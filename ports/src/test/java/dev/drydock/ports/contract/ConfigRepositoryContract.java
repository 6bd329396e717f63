package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.drydock.ports.spi.ConfigRepository}. */
public abstract class ConfigRepositoryContract extends StoreContract {

    @Test
    void aStoredConfigComesBackWithEveryField() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Instant now = Fixtures.now();
        Map<String, Object> probe = Map.of("httpGet", Map.of("path", "/health", "port", 5000),
                "initialDelaySeconds", 5, "exec", Map.of("command", List.of("true")));
        Config config = new Config(UUID.randomUUID(), app.id(), owner.username(),
                Map.of("DATABASE_URL", "postgres://db/app", "WORKERS", 4, "DEBUG", true, "RATIO", 0.5),
                Map.of("web", "512M"), Map.of("web", "500m"), Map.of("disk", "ssd"),
                Map.of("web", "registry.example.com"), Map.of("web", Map.of("livenessProbe", probe)),
                Map.of("web", "echo started"), Map.of("web", "echo stopping"), Map.of("web", "30"),
                now, now);
        write(s -> s.configs().insert(config));

        assertThat(read((Store s) -> s.configs().find(config.uuid()))).contains(config);
        assertThat(read((Store s) -> s.configs().find(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void nestedValuesComeBackWithTheirJsonTypesAndOrderAndCannotBeChanged() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("path", "/health");
        probe.put("port", 5000);
        probe.put("big", new BigInteger("123456789012345678901234567890"));
        probe.put("long", 9_000_000_000L);
        probe.put("scale", new BigDecimal("1.50"));
        probe.put("none", null);
        probe.put("after", "kept in this order");
        List<Object> command = new ArrayList<>(List.of("true", 1, false));
        Map<String, Object> healthcheck = new HashMap<>(Map.of("web", new HashMap<>(Map.of("httpGet", probe,
                "exec", command))));
        Instant now = Fixtures.now();
        Config config = new Config(UUID.randomUUID(), app.id(), owner.username(),
                Map.of("LIST", command, "TEXT", "ünïcödé \"quoted\" \\ \n", "RATIO", 0.25),
                Map.of(), Map.of(), Map.of(), Map.of(), healthcheck, Map.of(), Map.of(), Map.of(), now, now);
        write(s -> s.configs().insert(config));
        probe.put("path", "/changed");
        command.add("false");

        Config stored = read((Store s) -> s.configs().find(config.uuid())).orElseThrow();

        assertThat(stored).isEqualTo(config);
        @SuppressWarnings("unchecked")
        Map<String, Object> web = (Map<String, Object>) stored.healthcheck().get("web");
        @SuppressWarnings("unchecked")
        Map<String, Object> httpGet = (Map<String, Object>) web.get("httpGet");
        assertThat(httpGet).containsExactly(entry("path", "/health"), entry("port", 5000),
                entry("big", new BigInteger("123456789012345678901234567890")), entry("long", 9_000_000_000L),
                entry("scale", new BigDecimal("1.50")), entry("none", null), entry("after", "kept in this order"));
        assertThat(stored.values()).containsEntry("RATIO", new BigDecimal("0.25"))
                .containsEntry("LIST", List.of("true", 1, false));
        assertThatThrownBy(() -> httpGet.put("path", "/x")).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) stored.values().get("LIST");
        assertThatThrownBy(() -> list.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void latestIsTheNewestConfigOfTheApp() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        App other = storedApp(owner.username());
        assertThat(read((Store s) -> s.configs().latest(app.id()))).isEmpty();

        Config first = Fixtures.config(app.id(), owner.username());
        Config second = Fixtures.config(app.id(), owner.username(), Map.of("A", "1"));
        Config elsewhere = Fixtures.config(other.id(), owner.username());
        write(s -> s.configs().insert(first));
        write(s -> {
            s.configs().insert(second);
            s.configs().insert(elsewhere);
        });

        assertThat(read((Store s) -> s.configs().latest(app.id()))).contains(second);
        assertThat(read((Store s) -> s.configs().find(first.uuid()))).contains(first);
        assertThat(read((Store s) -> s.configs().latest(other.id()))).contains(elsewhere);
        assertThat(read((Store s) -> s.configs().latest(unique("none")))).isEmpty();
    }

    @Test
    void storedValuesCannotBeChanged() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Config config = Fixtures.config(app.id(), owner.username(), Map.of("A", "1"));
        write(s -> s.configs().insert(config));

        Config found = read((Store s) -> s.configs().find(config.uuid())).orElseThrow();

        assertThatThrownBy(() -> found.values().put("B", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(read((Store s) -> s.configs().find(config.uuid())).orElseThrow().values()).isEqualTo(Map.of("A", "1"));
    }
}
