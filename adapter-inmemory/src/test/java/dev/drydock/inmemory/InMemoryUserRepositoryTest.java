package dev.drydock.inmemory;

import dev.drydock.ports.contract.UserRepositoryContract;
import dev.drydock.ports.spi.Transactions;

class InMemoryUserRepositoryTest extends UserRepositoryContract {
    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
