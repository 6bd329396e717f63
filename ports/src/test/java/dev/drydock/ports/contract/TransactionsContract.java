package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.model.Tls;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.drydock.ports.spi.Transactions}: atomic, isolated units of work. */
public abstract class TransactionsContract extends StoreContract {
    /** Long enough that a writer which is not held up by a lock has certainly finished. */
    private static final long SETTLE_MILLIS = 300;

    /**
     * Whether writes that lock different apps run at the same time. A store that lets one writer
     * in at a time (in memory) says false, and the contract then checks that it really does.
     */
    protected boolean writesToDifferentAppsRunTogether() {
        return true;
    }

    /** Rows that exist before the failing writes, and the names those writes use. */
    private record World(User owner, User friend, String newcomer, App app, String otherApp, Config config,
                         Build build, Release v1, Key key, String newKey, String token, String friendToken,
                         String newToken, Certificate cert, String newCert, Domain domain, String newDomain) {
    }

    private World world() {
        User owner = storedUser();
        User friend = storedUser();
        App app = storedApp(owner.username());
        Config config = Fixtures.config(app.id(), owner.username(), Map.of("A", "1"));
        Build build = Fixtures.build(app.id(), owner.username());
        Release v1 = Fixtures.release(app.id(), owner.username(), 1, config, build);
        Key key = Fixtures.key(unique("key"), owner.username());
        String token = unique("digest");
        String friendToken = unique("digest");
        Certificate cert = tx.write((Store s) -> s.certificates().insert(Fixtures.certificate(unique("cert"),
                owner.username())));
        Domain domain = Fixtures.domain(unique("www") + ".example.com", app.id(), owner.username())
                .withCertificate(cert.name(), Fixtures.now());
        write(s -> {
            s.configs().insert(config);
            s.builds().insert(build);
            s.releases().insert(v1);
            s.keys().insert(key);
            s.tokens().add(token, owner.username());
            s.tokens().add(friendToken, friend.username());
            s.domains().insert(domain);
            s.tls().insert(Fixtures.tls(app.id(), owner.username(), false));
            s.permissions().grant(app.id(), friend.username());
        });
        return new World(owner, friend, unique("newcomer"), app, unique("other"), config, build, v1, key,
                unique("newkey"), token, friendToken, unique("digest"), cert, unique("newcert"), domain,
                unique("new") + ".example.com");
    }

    /** Everything a reader could see about the world, as one comparable value. */
    private List<Object> snapshot(World w) {
        return read((Store s) -> {
            List<Object> seen = new ArrayList<>();
            for (String user : List.of(w.owner().username(), w.friend().username(), w.newcomer())) {
                seen.add(s.users().find(user));
                seen.add(s.apps().visibleTo(user, PageRequest.ALL));
                seen.add(s.apps().countOwnedBy(user));
                seen.add(s.keys().listByOwner(user, PageRequest.ALL));
                seen.add(s.certificates().listByOwner(user, PageRequest.ALL));
            }
            for (String token : List.of(w.token(), w.friendToken(), w.newToken())) {
                seen.add(s.tokens().owner(token));
            }
            for (String app : List.of(w.app().id(), w.otherApp())) {
                seen.add(s.apps().find(app));
                seen.add(s.permissions().users(app));
                seen.add(s.configs().latest(app));
                seen.add(s.builds().list(app, PageRequest.ALL));
                seen.add(s.releases().list(app, PageRequest.ALL));
                seen.add(s.releases().maxVersion(app));
                seen.add(s.releases().latestSucceeded(app));
                seen.add(s.domains().list(app, PageRequest.ALL));
                seen.add(s.tls().latest(app));
            }
            seen.add(s.configs().find(w.config().uuid()));
            seen.add(s.builds().find(w.build().uuid()));
            seen.add(s.keys().find(w.key().id()));
            seen.add(s.keys().find(w.newKey()));
            seen.add(s.keys().findByPublic(w.key().publicKey()));
            seen.add(s.keys().findByFingerprint(w.key().fingerprint()));
            seen.add(s.domains().find(w.domain().domain()));
            seen.add(s.domains().find(w.newDomain()));
            seen.add(s.domains().withCertificate(w.cert().name()));
            seen.add(s.certificates().find(w.cert().name()));
            seen.add(s.certificates().find(w.newCert()));
            seen.add(s.certificates().anyOwnedBy(w.newcomer()));
            return seen;
        });
    }

    /** Changes every repository, in the ways the services do. */
    private static void changeEverything(Store s, World w) {
        String owner = w.owner().username();
        s.users().insert(Fixtures.user(w.newcomer()));
        s.users().update(w.owner().withSuperuser(true));
        s.tokens().add(w.newToken(), w.newcomer());
        s.tokens().revokeAll(owner);
        s.apps().insert(Fixtures.app(w.otherApp(), w.newcomer()));
        s.apps().update(w.app().withStructure(Map.of("web", 5), Map.of("web", "x"), Fixtures.now()));
        s.permissions().grant(w.app().id(), w.newcomer());
        s.permissions().revoke(w.app().id(), w.friend().username());
        s.keys().insert(Fixtures.key(w.newKey(), w.newcomer()));
        s.keys().delete(w.key().id());
        Config config = Fixtures.config(w.app().id(), owner, Map.of("A", "2"));
        s.configs().insert(config);
        s.builds().insert(Fixtures.build(w.app().id(), owner));
        s.releases().update(w.v1().asFailed("failed", "boom", Fixtures.now()));
        s.releases().insert(Fixtures.release(w.app().id(), owner, 2, config, null));
        s.releases().insert(Fixtures.release(w.otherApp(), w.newcomer(), 1, config, null));
        s.certificates().insert(Fixtures.certificate(w.newCert(), w.newcomer()));
        s.domains().insert(Fixtures.domain(w.newDomain(), w.otherApp(), w.newcomer()).withCertificate(w.newCert(),
                Fixtures.now()));
        s.certificates().delete(w.cert().name());
        s.tls().insert(Fixtures.tls(w.app().id(), owner, true));
        s.apps().transfer(w.app().id(), owner, w.newcomer(), Fixtures.now());
    }

    @Test
    void aWriteReturnsItsResultAndIsSeenByLaterReads() {
        User user = Fixtures.user(unique("writer"));

        String result = tx.write((Store s) -> {
            s.users().insert(user);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(read((Store s) -> s.users().find(user.username()))).contains(user);
    }

    @Test
    void aFailedWriteUndoesEveryChangeAndRethrows() {
        World w = world();
        List<Object> before = snapshot(w);
        IllegalStateException failure = new IllegalStateException("the scheduler said no");

        assertThatThrownBy(() -> write(s -> {
            changeEverything(s, w);
            throw failure;
        })).isSameAs(failure);

        assertThat(snapshot(w)).isEqualTo(before);
    }

    @Test
    void aFailedWriteUndoesCascadingDeletes() {
        World w = world();
        List<Object> before = snapshot(w);
        RuntimeException failure = new RuntimeException("stop");

        assertThatThrownBy(() -> write(s -> {
            s.apps().delete(w.app().id());
            s.users().delete(w.friend().username());
            s.apps().insert(Fixtures.app(w.app().id(), w.owner().username()));
            throw failure;
        })).isSameAs(failure);

        assertThat(snapshot(w)).isEqualTo(before);
    }

    @Test
    void aConflictInsideAWriteUndoesTheEarlierChangesToo() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        User newcomer = Fixtures.user(unique("newcomer"));

        assertThatThrownBy(() -> write(s -> {
            s.users().insert(newcomer);
            s.apps().insert(Fixtures.app(app.id(), newcomer.username()));
        })).isInstanceOf(ConflictException.class);

        assertThat(read((Store s) -> s.users().find(newcomer.username()))).isEmpty();
        assertThat(read((Store s) -> s.apps().find(app.id()))).contains(app);
    }

    @Test
    void theStoreIsUsableAgainAfterAFailedWrite() {
        World w = world();
        assertThatThrownBy(() -> write(s -> {
            changeEverything(s, w);
            throw new IllegalArgumentException("no");
        })).isInstanceOf(IllegalArgumentException.class);

        write(s -> changeEverything(s, w));

        assertThat(read((Store s) -> s.apps().find(w.app().id())).orElseThrow().owner()).isEqualTo(w.newcomer());
        assertThat(read((Store s) -> s.releases().maxVersion(w.app().id()))).isEqualTo(2);
        assertThat(read((Store s) -> s.domains().withCertificate(w.cert().name()))).isEmpty();
    }

    @Test
    void aReadInsideAWriteSeesTheChangesMadeSoFar() {
        User user = Fixtures.user(unique("inner"));

        boolean seen = tx.write((Store s) -> {
            s.users().insert(user);
            return tx.read(inner -> inner.users().find(user.username()).isPresent());
        });

        assertThat(seen).isTrue();
    }

    @Test
    void aWriteInsideAWriteJoinsIt() {
        User first = Fixtures.user(unique("outer"));
        User second = Fixtures.user(unique("inner"));

        write(s -> {
            s.users().insert(first);
            tx.writeVoid(inner -> inner.users().insert(second));
            assertThat(s.users().find(second.username())).contains(second);
        });
        assertThat(read((Store s) -> s.users().find(second.username()))).contains(second);

        User third = Fixtures.user(unique("inner"));
        assertThatThrownBy(() -> write(s -> {
            tx.writeVoid(inner -> inner.users().insert(third));
            throw new IllegalStateException("outer fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(read((Store s) -> s.users().find(third.username()))).isEmpty();
    }

    @Test
    void aFailedInnerWriteUndoesOnlyItsOwnChanges() {
        User outer = Fixtures.user(unique("outer"));
        User inner = Fixtures.user(unique("inner"));

        write(s -> {
            s.users().insert(outer);
            try {
                tx.writeVoid(nested -> {
                    nested.users().insert(inner);
                    throw new IllegalStateException("inner fails");
                });
            } catch (IllegalStateException expected) {
                assertThat(s.users().find(inner.username())).isEmpty();
            }
        });

        assertThat(read((Store s) -> s.users().find(outer.username()))).contains(outer);
        assertThat(read((Store s) -> s.users().find(inner.username()))).isEmpty();
    }

    @Test
    void aConflictInAnInnerWriteLeavesTheOuterWriteUsable() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        User newcomer = Fixtures.user(unique("newcomer"));

        write(s -> {
            assertThatThrownBy(() -> tx.writeVoid(inner -> inner.apps().insert(Fixtures.app(app.id(),
                    owner.username())))).isInstanceOf(ConflictException.class);
            s.users().insert(newcomer);
        });

        assertThat(read((Store s) -> s.users().find(newcomer.username()))).contains(newcomer);
    }

    @Test
    void aWriteInsideAReadIsRefused() {
        assertThatThrownBy(() -> tx.read(s -> tx.write(inner -> "never")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside Transactions.read");
    }

    @Test
    void aChangeThroughAReadOnlyStoreIsRefused() {
        User user = Fixtures.user(unique("reader"));

        assertThatThrownBy(() -> tx.read(s -> {
            s.users().insert(user);
            return null;
        })).isInstanceOf(IllegalStateException.class);

        assertThat(read((Store s) -> s.users().find(user.username()))).isEmpty();
    }

    @Test
    void aStoreKeptAfterItsUnitOfWorkCannotBeUsed() {
        Store keptFromRead = tx.read(s -> s);
        Store keptFromWrite = tx.write(s -> s);

        assertThatThrownBy(() -> keptFromRead.users().find("anyone")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keptFromWrite.users().find("anyone")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReadSeesOneSnapshotEvenWhenAWriteCommitsMeanwhile() throws Exception {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Config config = storedConfig(app);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        AtomicInteger runs = new AtomicInteger();
        try {
            List<Integer> seen = read((Store s) -> {
                // each run of the read (a store may run it again) has a writer commit in its middle
                runs.incrementAndGet();
                int before = s.releases().maxVersion(app.id());
                Future<?> writer = pool.submit(() -> write(w -> {
                    w.apps().lock(app.id()).orElseThrow();
                    int next = w.releases().maxVersion(app.id()) + 1;
                    w.releases().insert(Fixtures.release(app.id(), owner.username(), next, config, null));
                }));
                // a store that lets no write in during a read holds the writer; one that does commits it now
                finishesWithin(writer, SETTLE_MILLIS);
                return List.of(before, s.releases().maxVersion(app.id()),
                        (int) s.releases().list(app.id(), PageRequest.ALL).count());
            });

            assertThat(seen).as("maxVersion, maxVersion again, release count, all from one snapshot")
                    .containsOnly(seen.get(0)).hasSize(3);
            assertThat(seen.get(0)).as("releases that writers of earlier runs committed").isEqualTo(runs.get() - 1);
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).as("the writers ended").isTrue();
            assertThat(read((Store s) -> s.releases().maxVersion(app.id()))).isEqualTo(runs.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLockedAppHoldsUpOtherWritersThatLockItUntilTheWriteEnds() throws Exception {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Config config = storedConfig(app);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = pool.submit(() -> write(s -> {
                s.apps().lock(app.id()).orElseThrow();
                locked.countDown();
                await(finish);
                s.releases().insert(Fixtures.release(app.id(), owner.username(), 1, config, null));
            }));
            assertThat(locked.await(1, TimeUnit.MINUTES)).as("the first writer holds the lock").isTrue();
            Future<Integer> waiter = pool.submit(() -> tx.write((Store s) -> {
                s.apps().lock(app.id()).orElseThrow();
                return s.releases().maxVersion(app.id());
            }));

            assertThat(finishesWithin(waiter, SETTLE_MILLIS)).as("the second writer waits for the lock").isFalse();
            finish.countDown();
            holder.get(1, TimeUnit.MINUTES);
            assertThat(waiter.get(1, TimeUnit.MINUTES)).as("what the second writer saw once it had the lock")
                    .isEqualTo(1);
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aLockedAppHoldsUpOnlyWritersOfThatApp() throws Exception {
        User owner = storedUser();
        App held = storedApp(owner.username());
        App other = storedApp(owner.username());
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> holder = pool.submit(() -> write(s -> {
                s.apps().lock(held.id()).orElseThrow();
                locked.countDown();
                await(finish);
            }));
            assertThat(locked.await(1, TimeUnit.MINUTES)).as("the first writer holds the lock").isTrue();
            Future<?> elsewhere = pool.submit(() -> write(s -> {
                App app = s.apps().lock(other.id()).orElseThrow();
                s.apps().update(app.withStructure(Map.of("web", 2), app.procfileStructure(), Fixtures.now()));
            }));

            if (writesToDifferentAppsRunTogether()) {
                elsewhere.get(1, TimeUnit.MINUTES);
                assertThat(read((Store s) -> s.apps().find(other.id())).orElseThrow().structure())
                        .containsEntry("web", 2);
            } else {
                assertThat(finishesWithin(elsewhere, SETTLE_MILLIS)).as("writes go one at a time").isFalse();
            }
            finish.countDown();
            holder.get(1, TimeUnit.MINUTES);
            elsewhere.get(1, TimeUnit.MINUTES);
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }

    /** Whether the task ends within the time; what it threw is thrown here. */
    static boolean finishesWithin(Future<?> task, long millis) {
        try {
            task.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException stillRunning) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("the task failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never let the writer finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void concurrentWritersNeverLoseOrRepeatAVersion() throws Exception {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Config config = storedConfig(app);
        int threads = 8;
        int writesEach = 25;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < writesEach; i++) {
                        write(s -> {
                            s.apps().lock(app.id()).orElseThrow();
                            int next = s.releases().maxVersion(app.id()) + 1;
                            s.releases().insert(Fixtures.release(app.id(), owner.username(), next, config, null));
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Integer> versions = read((Store s) -> s.releases().list(app.id(), PageRequest.ALL)).results().stream()
                .map(Release::version).toList();
        assertThat(versions).containsExactlyElementsOf(
                IntStream.rangeClosed(1, threads * writesEach).map(v -> threads * writesEach + 1 - v).boxed()
                        .toList());
    }

    @Test
    void readersNeverSeeHalfAWrite() throws Exception {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Config config = storedConfig(app);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = pool.submit((Callable<Void>) () -> {
                try {
                    for (int i = 0; i < 50; i++) {
                        write(s -> {
                            s.apps().lock(app.id()).orElseThrow();
                            int next = s.releases().maxVersion(app.id()) + 1;
                            s.releases().insert(Fixtures.release(app.id(), owner.username(), next, config, null));
                            s.releases().insert(Fixtures.release(app.id(), owner.username(), next + 1, config, null));
                        });
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            List<Future<List<Integer>>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    List<Integer> odd = new ArrayList<>();
                    while (writing.get()) {
                        int seen = read((Store s) -> s.releases().maxVersion(app.id()));
                        int listed = (int) read((Store s) -> s.releases().list(app.id(), PageRequest.ALL)).count();
                        if (seen % 2 != 0) {
                            odd.add(seen);
                        }
                        if (listed % 2 != 0) {
                            odd.add(listed);
                        }
                    }
                    return odd;
                }));
            }
            writer.get(2, TimeUnit.MINUTES);
            for (Future<List<Integer>> reader : readers) {
                assertThat(reader.get(2, TimeUnit.MINUTES)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(read((Store s) -> s.releases().maxVersion(app.id()))).isEqualTo(100);
    }
}
