package dev.drydock.inmemory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.contract.Fixtures;
import dev.drydock.ports.contract.PermissionRepositoryContract;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Transactions;
import org.junit.jupiter.api.Test;

class InMemoryPermissionRepositoryTest extends PermissionRepositoryContract {
    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }

    @Test
    void aGrantOnAMissingAppIsNotFound() {
        User friend = storedUser();

        assertThatThrownBy(() -> write(s -> s.permissions().grant(Fixtures.unique("ghost"), friend.username())))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No App matches the given query.");
    }
}
