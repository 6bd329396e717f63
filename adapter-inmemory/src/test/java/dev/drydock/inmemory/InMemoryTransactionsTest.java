package dev.drydock.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.contract.Fixtures;
import dev.drydock.ports.contract.TransactionsContract;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InMemoryTransactionsTest extends TransactionsContract {
    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }

    @Test
    void aWriteInsideAReadIsRefused() {
        assertThatThrownBy(() -> tx.read(s -> tx.write(inner -> "never")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside Transactions.read");
    }

    @Test
    void aChangeThroughAReadOnlyStoreIsRefused() {
        User user = Fixtures.user(Fixtures.unique("reader"));

        assertThatThrownBy(() -> tx.read(s -> {
            s.users().insert(user);
            return null;
        })).isInstanceOf(IllegalStateException.class);

        assertThat(tx.read((Store s) -> s.users().find(user.username()))).isEmpty();
    }

    @Test
    void aStoreKeptAfterItsUnitOfWorkCannotBeUsed() {
        Store kept = tx.read(s -> s);

        assertThatThrownBy(() -> kept.users().find("anyone")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedInnerWriteUndoesOnlyItsOwnChanges() {
        User outer = Fixtures.user(Fixtures.unique("outer"));
        User inner = Fixtures.user(Fixtures.unique("inner"));

        tx.writeVoid(s -> {
            s.users().insert(outer);
            try {
                tx.writeVoid(nested -> {
                    nested.users().insert(inner);
                    throw new IllegalStateException("inner fails");
                });
            } catch (IllegalStateException expected) {
                assertThat(s.users().find(inner.username())).isEmpty();
            }
        });

        assertThat(tx.read((Store s) -> s.users().find(outer.username()))).contains(outer);
        assertThat(tx.read((Store s) -> s.users().find(inner.username()))).isEmpty();
    }

    @Test
    void certificateIdsStartAtOne() {
        User owner = storedUser();

        long first = tx.write(s -> s.certificates().insert(Fixtures.certificate("one", owner.username()))).id();
        long second = tx.write(s -> s.certificates().insert(Fixtures.certificate("two", owner.username()))).id();

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
    }

    @Test
    void nestedConfigValuesAreCopiedAndFrozen() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Map<String, Object> probe = new HashMap<>(Map.of("path", "/health"));
        List<Object> command = new ArrayList<>(List.of("true"));
        Map<String, Object> healthcheck = new HashMap<>(Map.of("web", new HashMap<>(Map.of("httpGet", probe,
                "exec", command))));
        Instant now = Fixtures.now();
        Config config = new Config(UUID.randomUUID(), app.id(), owner.username(), Map.of("LIST", command),
                Map.of(), Map.of(), Map.of(), Map.of(), healthcheck, Map.of(), Map.of(), Map.of(), now, now);
        tx.writeVoid(s -> s.configs().insert(config));

        probe.put("path", "/changed");
        command.add("false");

        Config stored = tx.read(s -> s.configs().find(config.uuid())).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> web = (Map<String, Object>) stored.healthcheck().get("web");
        @SuppressWarnings("unchecked")
        Map<String, Object> httpGet = (Map<String, Object>) web.get("httpGet");
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) stored.values().get("LIST");
        assertThat(httpGet).containsEntry("path", "/health");
        assertThat(list).containsExactly("true");
        assertThatThrownBy(() -> httpGet.put("path", "/x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
