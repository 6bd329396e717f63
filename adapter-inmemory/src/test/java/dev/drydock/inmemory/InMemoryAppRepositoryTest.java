package dev.drydock.inmemory;

import dev.drydock.ports.contract.AppRepositoryContract;
import dev.drydock.ports.spi.Transactions;

class InMemoryAppRepositoryTest extends AppRepositoryContract {
    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
