package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Tls;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.drydock.ports.spi.TlsRepository}. */
public abstract class TlsRepositoryContract extends StoreContract {

    @Test
    void theNewestRowCounts() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        App other = storedApp(owner.username());
        assertThat(read((Store s) -> s.tls().latest(app.id()))).isEmpty();

        Tls unset = Fixtures.tls(app.id(), owner.username(), null);
        Tls on = Fixtures.tls(app.id(), owner.username(), true);
        Tls off = Fixtures.tls(app.id(), owner.username(), false);
        write(s -> s.tls().insert(unset));
        assertThat(read((Store s) -> s.tls().latest(app.id()))).contains(unset);
        write(s -> s.tls().insert(on));
        assertThat(read((Store s) -> s.tls().latest(app.id()))).contains(on);
        write(s -> {
            s.tls().insert(off);
            s.tls().insert(Fixtures.tls(other.id(), owner.username(), true));
        });

        assertThat(read((Store s) -> s.tls().latest(app.id()))).contains(off);
        assertThat(read((Store s) -> s.tls().latest(unique("none")))).isEmpty();
    }
}
