package dev.drydock.inmemory;

import dev.drydock.ports.contract.ReleaseRepositoryContract;
import dev.drydock.ports.spi.Transactions;

class InMemoryReleaseRepositoryTest extends ReleaseRepositoryContract {
    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
