package dev.drydock.inmemory;

import dev.drydock.ports.contract.KeyRepositoryContract;
import dev.drydock.ports.spi.Transactions;

class InMemoryKeyRepositoryTest extends KeyRepositoryContract {
    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
