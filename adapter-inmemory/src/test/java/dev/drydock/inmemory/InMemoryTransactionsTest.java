package dev.drydock.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.contract.Fixtures;
import dev.drydock.ports.contract.TransactionsContract;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Transactions;
import org.junit.jupiter.api.Test;

class InMemoryTransactionsTest extends TransactionsContract {
    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }

    @Override
    protected boolean writesToDifferentAppsRunTogether() {
        return false;
    }

    @Test
    void certificateIdsStartAtOne() {
        User owner = storedUser();

        long first = tx.write(s -> s.certificates().insert(Fixtures.certificate("one", owner.username()))).id();
        long second = tx.write(s -> s.certificates().insert(Fixtures.certificate("two", owner.username()))).id();

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
    }
}
