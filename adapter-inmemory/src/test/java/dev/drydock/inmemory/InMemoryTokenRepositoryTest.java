package dev.drydock.inmemory;

import dev.drydock.ports.contract.TokenRepositoryContract;
import dev.drydock.ports.spi.Transactions;

class InMemoryTokenRepositoryTest extends TokenRepositoryContract {
    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
