package dev.drydock.inmemory;

import dev.drydock.ports.contract.CertificateRepositoryContract;
import dev.drydock.ports.spi.Transactions;

class InMemoryCertificateRepositoryTest extends CertificateRepositoryContract {
    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
