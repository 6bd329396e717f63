package dev.drydock.inmemory;

import dev.drydock.ports.contract.ConfigRepositoryContract;
import dev.drydock.ports.spi.Transactions;

class InMemoryConfigRepositoryTest extends ConfigRepositoryContract {
    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
