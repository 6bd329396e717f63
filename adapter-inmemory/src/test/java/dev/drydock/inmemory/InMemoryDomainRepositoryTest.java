package dev.drydock.inmemory;

import dev.drydock.ports.contract.DomainRepositoryContract;
import dev.drydock.ports.spi.Transactions;

class InMemoryDomainRepositoryTest extends DomainRepositoryContract {
    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
