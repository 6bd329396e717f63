package dev.drydock.jdbc;

import dev.drydock.ports.contract.DeployLockContract;
import dev.drydock.ports.spi.DeployLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/** Every storage contract, and the deploy lock's, on a real PostgreSQL. */
class PostgresContractTest extends StoreContracts {
    private static JdbcStorage secondServer;

    @Override
    protected JdbcStorage storage() {
        return TestDatabases.postgres();
    }

    private static synchronized JdbcStorage secondServer() {
        if (secondServer == null) {
            secondServer = TestDatabases.anotherPostgresServer();
        }
        return secondServer;
    }

    @AfterAll
    static synchronized void closeSecondServer() {
        if (secondServer != null) {
            secondServer.close();
            secondServer = null;
        }
    }

    @Nested
    class Locks extends DeployLockContract {
        @Override
        protected DeployLock deployLock() {
            return TestDatabases.postgres().deployLock().orElseThrow();
        }

        @Override
        protected DeployLock anotherServersLock() {
            return secondServer().deployLock().orElseThrow();
        }
    }
}
