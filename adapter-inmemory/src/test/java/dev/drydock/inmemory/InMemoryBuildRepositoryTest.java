package dev.drydock.inmemory;

import dev.drydock.ports.contract.BuildRepositoryContract;
import dev.drydock.ports.spi.Transactions;

class InMemoryBuildRepositoryTest extends BuildRepositoryContract {
    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
