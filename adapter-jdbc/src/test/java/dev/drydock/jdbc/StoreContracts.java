package dev.drydock.jdbc;

import dev.drydock.ports.contract.AppLogContract;
import dev.drydock.ports.contract.AppRepositoryContract;
import dev.drydock.ports.contract.BuildRepositoryContract;
import dev.drydock.ports.contract.CertificateRepositoryContract;
import dev.drydock.ports.contract.ConfigRepositoryContract;
import dev.drydock.ports.contract.DomainRepositoryContract;
import dev.drydock.ports.contract.KeyRepositoryContract;
import dev.drydock.ports.contract.PermissionRepositoryContract;
import dev.drydock.ports.contract.ReleaseRepositoryContract;
import dev.drydock.ports.contract.TlsRepositoryContract;
import dev.drydock.ports.contract.TokenRepositoryContract;
import dev.drydock.ports.contract.TransactionsContract;
import dev.drydock.ports.contract.UserRepositoryContract;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.Transactions;
import org.junit.jupiter.api.Nested;

/** Every storage contract, on the store a subclass names; tests keep apart by unique names. */
abstract class StoreContracts {
    /** The store under test, shared by every test of the subclass. */
    protected abstract JdbcStorage storage();

    private Transactions tx() {
        return storage().transactions();
    }

    @Nested
    class Transaction extends TransactionsContract {
        @Override
        protected Transactions transactions() {
            return tx();
        }
    }

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected Transactions transactions() {
            return tx();
        }
    }

    @Nested
    class Tokens extends TokenRepositoryContract {
        @Override
        protected Transactions transactions() {
            return tx();
        }
    }

    @Nested
    class Apps extends AppRepositoryContract {
        @Override
        protected Transactions transactions() {
            return tx();
        }
    }

    @Nested
    class Permissions extends PermissionRepositoryContract {
        @Override
        protected Transactions transactions() {
            return tx();
        }
    }

    @Nested
    class Keys extends KeyRepositoryContract {
        @Override
        protected Transactions transactions() {
            return tx();
        }
    }

    @Nested
    class Configs extends ConfigRepositoryContract {
        @Override
        protected Transactions transactions() {
            return tx();
        }
    }

    @Nested
    class Builds extends BuildRepositoryContract {
        @Override
        protected Transactions transactions() {
            return tx();
        }
    }

    @Nested
    class Releases extends ReleaseRepositoryContract {
        @Override
        protected Transactions transactions() {
            return tx();
        }
    }

    @Nested
    class Domains extends DomainRepositoryContract {
        @Override
        protected Transactions transactions() {
            return tx();
        }
    }

    @Nested
    class Certificates extends CertificateRepositoryContract {
        @Override
        protected Transactions transactions() {
            return tx();
        }
    }

    @Nested
    class Tls extends TlsRepositoryContract {
        @Override
        protected Transactions transactions() {
            return tx();
        }
    }

    @Nested
    class Log extends AppLogContract {
        @Override
        protected AppLog appLog() {
            return storage().appLog();
        }
    }
}
