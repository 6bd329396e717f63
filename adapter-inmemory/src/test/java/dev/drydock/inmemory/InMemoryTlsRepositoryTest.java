package dev.drydock.inmemory;

import dev.drydock.ports.contract.TlsRepositoryContract;
import dev.drydock.ports.spi.Transactions;

class InMemoryTlsRepositoryTest extends TlsRepositoryContract {
    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
