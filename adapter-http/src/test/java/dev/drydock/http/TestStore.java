package dev.drydock.http;

import dev.drydock.inmemory.InMemoryAppLog;
import dev.drydock.inmemory.InMemoryDeployLock;
import dev.drydock.inmemory.InMemoryTransactions;
import dev.drydock.jdbc.JdbcStorage;
import dev.drydock.jdbc.TestDatabases;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.DeployLock;
import dev.drydock.ports.spi.Transactions;
import java.util.UUID;

/**
 * A fresh, empty store for one fixture, of the kind the system property {@code drydock.test.store}
 * names: {@code memory} (the default), {@code h2} or {@code postgres}. The build runs the HTTP tests
 * once on each, so the whole API is proven on every store.
 */
final class TestStore implements AutoCloseable {
    static final String PROPERTY = "drydock.test.store";

    final Transactions transactions;
    final AppLog log;
    final DeployLock deployLock;
    private final JdbcStorage storage;

    private TestStore(Transactions transactions, AppLog log, DeployLock deployLock, JdbcStorage storage) {
        this.transactions = transactions;
        this.log = log;
        this.deployLock = deployLock;
        this.storage = storage;
    }

    static String kind() {
        return System.getProperty(PROPERTY, "memory");
    }

    static TestStore fresh() {
        return switch (kind()) {
            case "memory" -> new TestStore(new InMemoryTransactions(), new InMemoryAppLog(), new InMemoryDeployLock(),
                    null);
            case "h2" -> jdbc(JdbcStorage.h2InMemory("http-" + UUID.randomUUID()));
            case "postgres" -> jdbc(JdbcStorage.open(TestDatabases.freshPostgresDatabase(), "postgres", "",
                    JdbcStorage.Options.DEFAULT));
            default -> throw new IllegalArgumentException(PROPERTY + " must be memory, h2 or postgres, not " + kind());
        };
    }

    private static TestStore jdbc(JdbcStorage storage) {
        return new TestStore(storage.transactions(), storage.appLog(),
                storage.deployLock().orElseGet(InMemoryDeployLock::new), storage);
    }

    @Override
    public void close() {
        if (storage != null) {
            storage.close();
        }
    }
}
