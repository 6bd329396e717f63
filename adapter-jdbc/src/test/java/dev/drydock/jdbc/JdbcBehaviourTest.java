package dev.drydock.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.contract.Fixtures;
import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.Transactions;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What only a database store does: constraints as the last word, and writes run again after a deadlock. */
class JdbcBehaviourTest {
    static Stream<String> stores() {
        return Stream.of("h2", "postgres");
    }

    private static JdbcStorage storage(String store) {
        return store.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void twoWritesThatDeadlockBothFinishAndTheLoserRunsAgain(String store) throws Exception {
        Transactions tx = storage(store).transactions();
        User owner = Fixtures.user(Fixtures.unique("owner"));
        App a = Fixtures.app(Fixtures.unique("a"), owner.username());
        App b = Fixtures.app(Fixtures.unique("b"), owner.username());
        tx.writeVoid(s -> {
            s.users().insert(owner);
            s.apps().insert(a);
            s.apps().insert(b);
        });
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // against the port's advice, the two lock in opposite orders
            Future<?> ab = pool.submit(() -> tx.writeVoid(s -> lockBoth(s, a, b, bothHoldOne, runs)));
            Future<?> ba = pool.submit(() -> tx.writeVoid(s -> lockBoth(s, b, a, bothHoldOne, runs)));
            ab.get(2, TimeUnit.MINUTES);
            ba.get(2, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        assertThat(runs.get()).as("the two writes, one of them run again").isEqualTo(3);
        List<Integer> webs = tx.read((Store s) -> List.of(s.apps().find(a.id()).orElseThrow().structure().get("web"),
                s.apps().find(b.id()).orElseThrow().structure().get("web")));
        assertThat(webs).containsExactly(3, 3);
    }

    private static void lockBoth(Store s, App first, App second, CyclicBarrier bothHoldOne, AtomicInteger runs) {
        int run = runs.incrementAndGet();
        App one = s.apps().lock(first.id()).orElseThrow();
        if (run <= 2) {
            try {
                bothHoldOne.await(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        App two = s.apps().lock(second.id()).orElseThrow();
        s.apps().update(one.withStructure(java.util.Map.of("web", one.structure().get("web") + 1),
                one.procfileStructure(), Fixtures.now()));
        s.apps().update(two.withStructure(java.util.Map.of("web", two.structure().get("web") + 1),
                two.procfileStructure(), Fixtures.now()));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void rowsOfAUserRemovedMeanwhileAreRefusedByTheDatabase(String store) {
        Transactions tx = storage(store).transactions();
        User gone = Fixtures.user(Fixtures.unique("gone"));
        tx.writeVoid(s -> s.users().insert(gone));
        tx.writeVoid(s -> s.users().delete(gone.username()));

        assertThatThrownBy(() -> tx.writeVoid(s -> s.apps().insert(Fixtures.app(Fixtures.unique("orphan"),
                gone.username())))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("removed by another request");
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aUserWhoStillOwnsAppsCannotBeRemoved(String store) {
        Transactions tx = storage(store).transactions();
        User owner = Fixtures.user(Fixtures.unique("owner"));
        App app = Fixtures.app(Fixtures.unique("kept"), owner.username());
        tx.writeVoid(s -> {
            s.users().insert(owner);
            s.apps().insert(app);
        });

        assertThatThrownBy(() -> tx.writeVoid(s -> s.users().delete(owner.username())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("still owns");
        assertThat(tx.read((Store s) -> s.users().find(owner.username()))).contains(owner);
    }
}
