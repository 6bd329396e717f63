package dev.drydock.ports.contract;

import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the repository contracts share: the adapter's {@link Transactions}, asked for once per test,
 * and helpers that store the parent rows a repository needs (a database adapter has foreign keys).
 */
public abstract class StoreContract {
    protected Transactions tx;

    /** The adapter under test. It may return a shared instance: tests keep apart by unique names. */
    protected abstract Transactions transactions();

    @BeforeEach
    protected final void openTransactions() {
        tx = transactions();
    }

    protected final void write(Consumer<Store> work) {
        tx.writeVoid(work);
    }

    protected final <T> T read(Function<Store, T> work) {
        return tx.read(work);
    }

    /** A stored user with a unique name. */
    protected final User storedUser() {
        User user = Fixtures.user(Fixtures.unique("user"));
        write(s -> s.users().insert(user));
        return user;
    }

    /** A stored app with a unique id, owned by {@code owner}. */
    protected final App storedApp(String owner) {
        App app = Fixtures.app(Fixtures.unique("app"), owner);
        write(s -> s.apps().insert(app));
        return app;
    }

    /** A stored initial config of an app. */
    protected final Config storedConfig(App app) {
        Config config = Fixtures.config(app.id(), app.owner());
        write(s -> s.configs().insert(config));
        return config;
    }
}
