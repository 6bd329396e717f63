package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.model.Tls;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.drydock.ports.spi.AppRepository}. */
public abstract class AppRepositoryContract extends StoreContract {

    @Test
    void aStoredAppIsFoundById() {
        User owner = storedUser();
        App app = new App(UUID.randomUUID(), unique("shop"), owner.username(), Map.of("web", 2, "worker", 0),
                Map.of("web", "bin/web", "worker", "bin/worker"), Fixtures.now(), Fixtures.now());
        write(s -> s.apps().insert(app));

        assertThat(read((Store s) -> s.apps().find(app.id()))).contains(app);
        assertThat(read((Store s) -> s.apps().find(unique("shop")))).isEmpty();
    }

    @Test
    void lockGivesTheAppInsideAWriteOnly() {
        User owner = storedUser();
        App app = storedApp(owner.username());

        assertThat(tx.write((Store s) -> s.apps().lock(app.id()))).contains(app);
        assertThat(tx.write((Store s) -> s.apps().lock(unique("ghost")))).isEmpty();
        assertThatThrownBy(() -> read((Store s) -> s.apps().lock(app.id()))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTakenIdConflicts() {
        User owner = storedUser();
        User other = storedUser();
        App app = storedApp(owner.username());

        App again = Fixtures.app(app.id(), other.username());
        assertThatThrownBy(() -> write(s -> s.apps().insert(again))).isInstanceOf(ConflictException.class)
                .hasMessage("Application with this id already exists.");
        assertThat(read((Store s) -> s.apps().find(app.id()))).contains(app);
    }

    @Test
    void updateReplacesStructureAndOwner() {
        User owner = storedUser();
        User next = storedUser();
        App app = storedApp(owner.username());
        App scaled = app.withStructure(Map.of("web", 3, "worker", 1), Map.of("web", "a", "worker", "b"),
                Fixtures.now());

        write(s -> s.apps().update(scaled));
        assertThat(read((Store s) -> s.apps().find(app.id()))).contains(scaled);

        App moved = scaled.withOwner(next.username(), Fixtures.now());
        write(s -> s.apps().update(moved));
        assertThat(read((Store s) -> s.apps().find(app.id()))).contains(moved);
        assertThat(read((Store s) -> s.apps().countOwnedBy(owner.username()))).isZero();
        assertThat(read((Store s) -> s.apps().countOwnedBy(next.username()))).isEqualTo(1);
    }

    @Test
    void updatingAMissingAppIsNotFound() {
        User owner = storedUser();
        App ghost = Fixtures.app(unique("ghost"), owner.username());

        assertThatThrownBy(() -> write(s -> s.apps().update(ghost))).isInstanceOf(NotFoundException.class)
                .hasMessage("No App matches the given query.");
        assertThat(read((Store s) -> s.apps().find(ghost.id()))).isEmpty();
    }

    @Test
    void listIsOrderedById() {
        User owner = storedUser();
        String stem = unique("list");
        App c = Fixtures.app(stem + "-c", owner.username());
        App a = Fixtures.app(stem + "-a", owner.username());
        App b = Fixtures.app(stem + "-b", owner.username());
        write(s -> {
            s.apps().insert(c);
            s.apps().insert(a);
            s.apps().insert(b);
        });

        Page<App> all = read((Store s) -> s.apps().list(PageRequest.ALL));
        List<String> mine = all.results().stream().map(App::id).filter(id -> id.startsWith(stem)).toList();
        assertThat(mine).containsExactly(a.id(), b.id(), c.id());
        assertThat(all.count()).isEqualTo(all.results().size());
        assertThat(all.results()).extracting(App::id).isSorted();
    }

    @Test
    void visibleToIsOwnedAndSharedAppsOrderedByIdInPages() {
        User me = storedUser();
        User other = storedUser();
        String stem = unique("vis");
        App mine1 = Fixtures.app(stem + "-b", me.username());
        App mine2 = Fixtures.app(stem + "-d", me.username());
        App shared1 = Fixtures.app(stem + "-a", other.username());
        App shared2 = Fixtures.app(stem + "-c", other.username());
        App hidden = Fixtures.app(stem + "-e", other.username());
        write(s -> {
            for (App app : List.of(mine1, mine2, shared1, shared2, hidden)) {
                s.apps().insert(app);
            }
            s.permissions().grant(shared1.id(), me.username());
            s.permissions().grant(shared2.id(), me.username());
        });

        Page<App> all = read((Store s) -> s.apps().visibleTo(me.username(), PageRequest.ALL));
        assertThat(all.results()).extracting(App::id)
                .containsExactly(shared1.id(), mine1.id(), shared2.id(), mine2.id());
        assertThat(all.count()).isEqualTo(4);

        Page<App> middle = read((Store s) -> s.apps().visibleTo(me.username(), new PageRequest(2, 1)));
        assertThat(middle.results()).extracting(App::id).containsExactly(mine1.id(), shared2.id());
        assertThat(middle.count()).isEqualTo(4);

        assertThat(read((Store s) -> s.apps().visibleTo(me.username(), new PageRequest(10, 4))).results()).isEmpty();
        assertThat(read((Store s) -> s.apps().visibleTo(unique("stranger"), PageRequest.ALL)).count()).isZero();
    }

    @Test
    void anAppSharedWithItsOwnerIsListedOnce() {
        User me = storedUser();
        App app = storedApp(me.username());
        write(s -> s.permissions().grant(app.id(), me.username()));

        Page<App> visible = read((Store s) -> s.apps().visibleTo(me.username(), PageRequest.ALL));

        assertThat(visible.results()).containsExactly(app);
        assertThat(visible.count()).isEqualTo(1);
    }

    @Test
    void countOwnedByCountsOnlyOwnedApps() {
        User me = storedUser();
        User other = storedUser();
        storedApp(me.username());
        storedApp(me.username());
        App shared = storedApp(other.username());
        write(s -> s.permissions().grant(shared.id(), me.username()));

        assertThat(read((Store s) -> s.apps().countOwnedBy(me.username()))).isEqualTo(2);
        assertThat(read((Store s) -> s.apps().countOwnedBy(unique("nobody")))).isZero();
    }

    @Test
    void deleteRemovesEverythingTheAppOwnsButKeepsCertificates() {
        User owner = storedUser();
        User friend = storedUser();
        App app = storedApp(owner.username());
        Config config = Fixtures.config(app.id(), owner.username());
        Build build = Fixtures.build(app.id(), owner.username());
        Release release = Fixtures.release(app.id(), owner.username(), 1, config, build);
        Certificate cert = Fixtures.certificate(unique("cert"), owner.username());
        String host = unique("www") + ".example.com";
        Tls tls = Fixtures.tls(app.id(), owner.username(), true);
        write(s -> {
            s.configs().insert(config);
            s.builds().insert(build);
            s.releases().insert(release);
            s.certificates().insert(cert);
            s.domains().insert(Fixtures.domain(host, app.id(), owner.username()).withCertificate(cert.name(),
                    Fixtures.now()));
            s.tls().insert(tls);
            s.permissions().grant(app.id(), friend.username());
        });

        write(s -> s.apps().delete(app.id()));

        assertThat(read((Store s) -> s.apps().find(app.id()))).isEmpty();
        assertThat(read((Store s) -> s.configs().find(config.uuid()))).isEmpty();
        assertThat(read((Store s) -> s.configs().latest(app.id()))).isEmpty();
        assertThat(read((Store s) -> s.builds().find(build.uuid()))).isEmpty();
        assertThat(read((Store s) -> s.builds().list(app.id(), PageRequest.ALL)).count()).isZero();
        assertThat(read((Store s) -> s.releases().find(app.id(), 1))).isEmpty();
        assertThat(read((Store s) -> s.releases().maxVersion(app.id()))).isZero();
        assertThat(read((Store s) -> s.domains().find(host))).isEmpty();
        assertThat(read((Store s) -> s.domains().list(app.id(), PageRequest.ALL)).count()).isZero();
        assertThat(read((Store s) -> s.domains().withCertificate(cert.name()))).isEmpty();
        assertThat(read((Store s) -> s.tls().latest(app.id()))).isEmpty();
        assertThat(read((Store s) -> s.permissions().users(app.id()))).isEmpty();
        assertThat(read((Store s) -> s.permissions().has(app.id(), friend.username()))).isFalse();
        assertThat(read((Store s) -> s.apps().visibleTo(friend.username(), PageRequest.ALL)).count()).isZero();
        assertThat(read((Store s) -> s.apps().countOwnedBy(owner.username()))).isZero();
        assertThat(read((Store s) -> s.certificates().find(cert.name()))).isPresent();
        assertThat(read((Store s) -> s.users().find(owner.username()))).isPresent();
    }

    @Test
    void aDeletedAppsIdStartsFreshWhenReused() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Config config = storedConfig(app);
        write(s -> s.releases().insert(Fixtures.release(app.id(), owner.username(), 1, config, null)));
        write(s -> s.apps().delete(app.id()));

        App again = Fixtures.app(app.id(), owner.username());
        write(s -> s.apps().insert(again));

        assertThat(read((Store s) -> s.apps().find(app.id()))).contains(again);
        assertThat(read((Store s) -> s.releases().maxVersion(app.id()))).isZero();
        assertThat(read((Store s) -> s.configs().latest(app.id()))).isEmpty();
    }

    @Test
    void deletingAMissingAppIsNotFound() {
        assertThatThrownBy(() -> write(s -> s.apps().delete(unique("ghost")))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void transferReownsTheRowsTheOldOwnerMade() {
        User from = storedUser();
        User to = storedUser();
        User helper = storedUser();
        App app = storedApp(from.username());
        Config byFrom = Fixtures.config(app.id(), from.username());
        Config byHelper = Fixtures.config(app.id(), helper.username());
        Build build = Fixtures.build(app.id(), from.username());
        Release v1 = Fixtures.release(app.id(), from.username(), 1, byFrom, null);
        Release v2 = Fixtures.release(app.id(), helper.username(), 2, byHelper, build);
        Domain ownDomain = Fixtures.domain(unique("own") + ".example.com", app.id(), from.username());
        Domain helperDomain = Fixtures.domain(unique("help") + ".example.com", app.id(), helper.username());
        Tls tls = Fixtures.tls(app.id(), from.username(), false);
        write(s -> {
            s.configs().insert(byFrom);
            s.configs().insert(byHelper);
            s.builds().insert(build);
            s.releases().insert(v1);
            s.releases().insert(v2);
            s.domains().insert(ownDomain);
            s.domains().insert(helperDomain);
            s.tls().insert(tls);
            s.permissions().grant(app.id(), helper.username());
        });
        Instant when = Fixtures.now();

        write(s -> s.apps().transfer(app.id(), from.username(), to.username(), when));

        App moved = read((Store s) -> s.apps().find(app.id())).orElseThrow();
        assertThat(moved.owner()).isEqualTo(to.username());
        assertThat(moved.updated()).isEqualTo(when);
        assertThat(moved.created()).isEqualTo(app.created());
        assertThat(read((Store s) -> s.configs().find(byFrom.uuid())).orElseThrow().owner()).isEqualTo(to.username());
        assertThat(read((Store s) -> s.configs().find(byHelper.uuid())).orElseThrow().owner()).isEqualTo(helper.username());
        assertThat(read((Store s) -> s.configs().latest(app.id())).orElseThrow().uuid()).isEqualTo(byHelper.uuid());
        assertThat(read((Store s) -> s.builds().find(build.uuid())).orElseThrow().owner()).isEqualTo(to.username());
        assertThat(read((Store s) -> s.builds().list(app.id(), PageRequest.ALL)).results())
                .extracting(Build::owner).containsExactly(to.username());
        assertThat(read((Store s) -> s.releases().find(app.id(), 1)).orElseThrow().owner()).isEqualTo(to.username());
        assertThat(read((Store s) -> s.releases().find(app.id(), 2)).orElseThrow().owner()).isEqualTo(helper.username());
        assertThat(read((Store s) -> s.domains().find(ownDomain.domain())).orElseThrow().owner()).isEqualTo(to.username());
        assertThat(read((Store s) -> s.domains().find(helperDomain.domain())).orElseThrow().owner())
                .isEqualTo(helper.username());
        assertThat(read((Store s) -> s.tls().latest(app.id())).orElseThrow().owner()).isEqualTo(to.username());
        assertThat(read((Store s) -> s.apps().countOwnedBy(from.username()))).isZero();
        assertThat(read((Store s) -> s.apps().countOwnedBy(to.username()))).isEqualTo(1);
        assertThat(read((Store s) -> s.apps().visibleTo(to.username(), PageRequest.ALL)).results()).containsExactly(moved);
        assertThat(read((Store s) -> s.apps().visibleTo(from.username(), PageRequest.ALL)).count()).isZero();
        assertThat(read((Store s) -> s.permissions().users(app.id()))).containsExactly(helper.username());
    }

    @Test
    void laterReadsInTheSameWriteSeeATransferAndADelete() {
        User from = storedUser();
        User to = storedUser();
        App app = storedApp(from.username());
        Config config = storedConfig(app);
        Build build = Fixtures.build(app.id(), from.username());
        Release v1 = Fixtures.release(app.id(), from.username(), 1, config, build);
        write(s -> {
            s.builds().insert(build);
            s.releases().insert(v1);
        });

        write(s -> {
            // read first, so a store that remembers rows within a write has them
            assertThat(s.configs().find(config.uuid())).contains(config);
            assertThat(s.builds().find(build.uuid())).contains(build);
            assertThat(s.releases().latestSucceeded(app.id())).contains(v1);
            s.apps().transfer(app.id(), from.username(), to.username(), Fixtures.now());
            assertThat(s.configs().find(config.uuid()).orElseThrow().owner()).isEqualTo(to.username());
            assertThat(s.builds().find(build.uuid()).orElseThrow().owner()).isEqualTo(to.username());
            assertThat(s.releases().latestSucceeded(app.id()).orElseThrow().owner()).isEqualTo(to.username());
            s.apps().delete(app.id());
            assertThat(s.configs().find(config.uuid())).isEmpty();
            assertThat(s.builds().find(build.uuid())).isEmpty();
            assertThat(s.releases().latestSucceeded(app.id())).isEmpty();
        });
    }

    @Test
    void pageCountsFollowEveryChangeToAppsOwnersAndGrants() {
        List<User> users = List.of(storedUser(), storedUser(), storedUser(), storedUser());
        java.util.Random random = new java.util.Random(7);
        List<String> apps = new java.util.ArrayList<>();
        for (int step = 0; step < 150; step++) {
            String user = users.get(random.nextInt(users.size())).username();
            int op = apps.isEmpty() ? 0 : random.nextInt(6);
            String app = apps.isEmpty() ? null : apps.get(random.nextInt(apps.size()));
            switch (op) {
                case 0 -> {
                    App made = Fixtures.app(unique("count"), user);
                    write(s -> s.apps().insert(made));
                    apps.add(made.id());
                }
                case 1 -> {
                    write(s -> s.apps().delete(app));
                    apps.remove(app);
                }
                case 2 -> write(s -> {
                    App stored = s.apps().find(app).orElseThrow();
                    s.apps().transfer(app, stored.owner(), user, Fixtures.now());
                });
                case 3 -> write(s -> s.apps().update(s.apps().find(app).orElseThrow().withOwner(user, Fixtures.now())));
                case 4 -> write(s -> s.permissions().grant(app, user));
                default -> write(s -> s.permissions().revoke(app, user));
            }
            for (User each : users) {
                String name = each.username();
                List<App> visible = read((Store s) -> s.apps().visibleTo(name, PageRequest.ALL)).results();
                assertThat(read((Store s) -> s.apps().visibleTo(name, new PageRequest(2, 0))).count())
                        .as("apps visible to %s after step %d", name, step).isEqualTo(visible.size());
                assertThat(read((Store s) -> s.apps().countOwnedBy(name)))
                        .as("apps owned by %s after step %d", name, step)
                        .isEqualTo(visible.stream().filter(a -> a.owner().equals(name)).count());
            }
            Page<App> all = read((Store s) -> s.apps().list(PageRequest.ALL));
            assertThat(read((Store s) -> s.apps().list(new PageRequest(1, 0))).count())
                    .as("all apps after step %d", step).isEqualTo(all.results().size());
        }
    }

    @Test
    void transferringAMissingAppIsNotFound() {
        User from = storedUser();
        User to = storedUser();

        assertThatThrownBy(() -> write(s -> s.apps().transfer(unique("ghost"), from.username(), to.username(),
                Fixtures.now()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void storedAppsCannotBeChangedThroughTheirMaps() {
        User owner = storedUser();
        App app = storedApp(owner.username());

        App found = read((Store s) -> s.apps().find(app.id())).orElseThrow();

        assertThatThrownBy(() -> found.structure().put("web", 9)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(read((Store s) -> s.apps().find(app.id())).orElseThrow().structure()).isEqualTo(Map.of("web", 1));
        assertThat(Set.copyOf(found.procfileStructure().keySet())).containsExactly("web");
    }
}
