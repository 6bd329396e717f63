package dev.drydock.core.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Competitor;
import dev.drydock.core.Settings;
import dev.drydock.core.auth.TestPlatform;
import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.ForbiddenException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.error.UnauthorizedException;
import dev.drydock.ports.error.UnavailableException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.model.Tls;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.usecase.Apps;
import dev.drydock.ports.usecase.ConfigChange;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AppServiceTest {
    private static final String BAD_NAME = "App name must start with an alphabetic character, cannot end with a "
            + "hyphen and can only contain a-z (lowercase), 0-9 and hyphens.";
    private static final String NOT_SLUG =
            "Enter a valid 'slug' consisting of letters, numbers, underscores or hyphens.";

    private final TestPlatform platform = new TestPlatform(
            Settings.defaults().withReservedNames(List.of("drycc", " grafana ", "")));
    private final Apps apps = platform.core.apps();
    private final Caller admin = platform.user("admin");
    private final Caller owner = platform.user("owner");
    private final Caller mate = platform.user("mate");
    private final Caller outsider = platform.user("outsider");

    private static void assertIdErrors(ThrowingCallable call, String... messages) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidException.class,
                e -> assertThat(e.fieldErrors()).isEqualTo(Map.of("id", List.of(messages))));
    }

    private <T> T read(java.util.function.Function<dev.drydock.ports.spi.Store, T> work) {
        return platform.tx.read(work);
    }

    private List<String> ids(Page<App> page) {
        return page.results().stream().map(App::id).toList();
    }

    private void deactivate(String username) {
        platform.deactivate(username);
    }

    @Nested
    class Creating {
        @Test
        void refusesACallerWhoseAccountWasRemovedAfterTheirTokenWasChecked() {
            platform.beforeNextWrite(() -> platform.core.accounts().cancel(mate, Optional.empty()));

            assertThatThrownBy(() -> apps.create(mate, Optional.of("web-shop")))
                    .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");

            Optional<App> stored = read(store -> store.apps().find("web-shop"));
            assertThat(stored).isEmpty();
            assertThat(platform.simulated.exists("web-shop")).isFalse();
            Caller newMate = platform.user("mate");
            assertThat(apps.list(newMate, PageRequest.FIRST).count()).as("no app passes to a new mate").isZero();
        }

        @Test
        void refusesACallerDeactivatedAfterTheirTokenWasChecked() {
            platform.beforeNextWrite(() -> deactivate("mate"));

            assertThatThrownBy(() -> apps.create(mate, Optional.empty()))
                    .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");

            assertThat(apps.list(admin, PageRequest.FIRST).count()).isZero();
        }

        @Test
        void storesTheAppWithItsFirstConfigReleaseTlsAndDefaultDomain() {
            App app = apps.create(owner, Optional.of("web-shop"));

            assertThat(app.id()).isEqualTo("web-shop");
            assertThat(app.owner()).isEqualTo("owner");
            assertThat(app.structure()).isEmpty();
            assertThat(app.created()).isEqualTo(TestPlatform.NOW);
            Optional<App> storedApp = read(store -> store.apps().find("web-shop"));
            assertThat(storedApp).contains(app);

            Config config = read(store -> store.configs().latest("web-shop")).orElseThrow();
            assertThat(config.owner()).isEqualTo("owner");
            assertThat(config.values()).isEmpty();
            Release v1 = read(store -> store.releases().find("web-shop", 1)).orElseThrow();
            assertThat(v1.summary()).isEqualTo("owner created initial release");
            assertThat(v1.build()).isNull();
            assertThat(v1.config()).isEqualTo(config.uuid());
            assertThat(v1.failed()).isFalse();
            int max = read(store -> store.releases().maxVersion("web-shop"));
            assertThat(max).isEqualTo(1);
            Tls tls = read(store -> store.tls().latest("web-shop")).orElseThrow();
            assertThat(tls.httpsEnforced()).isNull();
            Domain domain = read(store -> store.domains().find("web-shop")).orElseThrow();
            assertThat(domain.app()).isEqualTo("web-shop");
            assertThat(domain.owner()).isEqualTo("owner");
        }

        @Test
        void aDomainAddedRightAfterTheWriteIsNotOverwrittenByTheInitialRouting() {
            AtomicReference<Competitor> adder = new AtomicReference<>();
            // while the initial routing is being sent, another request adds a domain
            platform.simulated.beforeNext(Operation.ROUTE, "web-shop", () -> adder.set(Competitor.start(() ->
                    platform.core.domains().add(owner, "web-shop", "www.example.com"))));

            apps.create(owner, Optional.of("web-shop"));

            assertThat(adder.get().finish()).isNull();
            assertThat(platform.simulated.routing("web-shop")).hasValueSatisfying(r ->
                    assertThat(r.domains()).containsExactly("web-shop", "www.example.com"));
        }

        @Test
        void storesNothingWhenTheSchedulerCannotRouteTheApp() {
            platform.simulated.failNext(Operation.ROUTE, DrydockException.unavailable("router down"));

            assertThatThrownBy(() -> apps.create(owner, Optional.of("web-shop")))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("Kubernetes resources could not be created");

            Optional<App> app = read(store -> store.apps().find("web-shop"));
            assertThat(app).isEmpty();
            Optional<Domain> domain = read(store -> store.domains().find("web-shop"));
            assertThat(domain).isEmpty();
            assertThat(platform.simulated.exists("web-shop")).isFalse();
            assertThat(apps.create(owner, Optional.of("web-shop")).id()).isEqualTo("web-shop");
        }

        @Test
        void makesTheSchedulerSpaceRoutesTheDefaultDomainAndLogsTheRelease() {
            apps.create(owner, Optional.of("web-shop"));

            assertThat(platform.simulated.exists("web-shop")).isTrue();
            Optional<Routing> routing = platform.simulated.routing("web-shop");
            assertThat(routing).hasValueSatisfying(r -> assertThat(r.domains()).containsExactly("web-shop"));
            assertThat(platform.logMessages("web-shop", 10)).containsExactly("owner created initial release");
        }

        @Test
        void skipsTheDefaultDomainWhenAnotherAppRoutesThatName() {
            apps.create(owner, Optional.of("first"));
            platform.tx.writeVoid(store -> store.domains().insert(
                    new Domain("second", "first", "owner", null, TestPlatform.NOW, TestPlatform.NOW)));

            apps.create(mate, Optional.of("second"));

            Domain domain = read(store -> store.domains().find("second")).orElseThrow();
            assertThat(domain.app()).isEqualTo("first");
            Optional<Routing> routing = platform.simulated.routing("second");
            assertThat(routing).hasValueSatisfying(r -> assertThat(r.domains()).isEmpty());
        }

        @Test
        void generatesAnAdjectiveNounNameWhenNoIdIsGiven() {
            App app = apps.create(owner, Optional.empty());

            assertThat(app.id()).matches("[a-z]{6}-[a-z]{8}");
            assertThat(platform.simulated.exists(app.id())).isTrue();
        }

        @Test
        void regeneratesTheNameWhileItIsTakenReservedOrANamespace() {
            apps.create(owner, Optional.of("dapper-bookworm"));
            platform.simulated.create("bright-airplane");
            Deque<String> names = new ArrayDeque<>(
                    List.of("dapper-bookworm", "drycc", "bright-airplane", "jovial-hedgehog"));
            Apps service = new AppService(platform.tx, platform.simulated, platform.core.releaser(), platform.log,
                    platform.clock, platform.settings, names::pop);

            assertThat(service.create(owner, Optional.empty()).id()).isEqualTo("jovial-hedgehog");
        }

        @Test
        void givesUpWithAClearErrorWhenNoGeneratedNameIsFree() {
            apps.create(owner, Optional.of("dapper-bookworm"));
            Supplier<String> always = () -> "dapper-bookworm";
            Apps service = new AppService(platform.tx, platform.simulated, platform.core.releaser(), platform.log,
                    platform.clock, platform.settings, always);

            assertThatThrownBy(() -> service.create(owner, Optional.empty())).isInstanceOf(ConflictException.class);
        }

        @Test
        void refusesIdsThatBreakTheNamingRulesListingEveryReason() {
            assertIdErrors(() -> apps.create(owner, Optional.of("")), "This field may not be blank.");
            assertIdErrors(() -> apps.create(owner, Optional.of("   ")), "This field may not be blank.");
            assertIdErrors(() -> apps.create(owner, Optional.of("Web_Shop")), BAD_NAME);
            assertIdErrors(() -> apps.create(owner, Optional.of("web-")), BAD_NAME);
            assertIdErrors(() -> apps.create(owner, Optional.of("1web")), BAD_NAME);
            assertIdErrors(() -> apps.create(owner, Optional.of("web.shop")), NOT_SLUG, BAD_NAME);
            assertIdErrors(() -> apps.create(owner, Optional.of("a".repeat(64))),
                    "Ensure this field has no more than 63 characters.");
            assertIdErrors(() -> apps.create(owner, Optional.of("A".repeat(64) + "!")),
                    "Ensure this field has no more than 63 characters.", NOT_SLUG, BAD_NAME);
            Page<App> none = apps.list(admin, PageRequest.FIRST);
            assertThat(none.count()).isZero();
        }

        @Test
        void acceptsTheLongestAllowedId() {
            assertThat(apps.create(owner, Optional.of("a".repeat(63))).id()).hasSize(63);
        }

        @Test
        void refusesReservedNames() {
            assertIdErrors(() -> apps.create(owner, Optional.of("drycc")), "drycc is a reserved name.");
            assertIdErrors(() -> apps.create(owner, Optional.of("grafana")), "grafana is a reserved name.");
        }

        @Test
        void refusesATakenId() {
            apps.create(owner, Optional.of("web-shop"));

            assertIdErrors(() -> apps.create(mate, Optional.of("web-shop")), "Application with this id already exists.");
        }

        @Test
        void refusesAnIdTakenWhileItWasCheckedAsATakenIdIs() {
            // made after this request checked the id, before it asks the cluster: its namespace now exists
            platform.simulated.beforeNext(Operation.EXISTS, "web-shop", () -> apps.create(mate, Optional.of("web-shop")));
            assertIdErrors(() -> apps.create(owner, Optional.of("web-shop")), "Application with this id already exists.");

            // made after this request checked the id and the cluster, before its write
            platform.beforeNextWrite(() -> apps.create(mate, Optional.of("web-shop-2")));
            assertIdErrors(() -> apps.create(owner, Optional.of("web-shop-2")), "Application with this id already exists.");

            assertThat(apps.get(mate, "web-shop").owner()).isEqualTo("mate");
            assertThat(apps.get(mate, "web-shop-2").owner()).isEqualTo("mate");
        }

        @Test
        void refusesAnIdThatIsAlreadyANamespace() {
            platform.simulated.create("kube-system");

            assertThatThrownBy(() -> apps.create(owner, Optional.of("kube-system")))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("kube-system already exists as a namespace in this kuberenetes setup");
            Optional<App> stored = read(store -> store.apps().find("kube-system"));
            assertThat(stored).isEmpty();
        }

        @Test
        void removesTheAppAgainWhenTheSchedulerCannotMakeItsSpace() {
            // Like a cluster that made the namespace but then failed on the service.
            platform.simulated.failNextCreateAfterSpace(
                    DrydockException.unavailable("create web-shop failed on purpose"));

            assertThatThrownBy(() -> apps.create(owner, Optional.of("web-shop")))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("Kubernetes resources could not be created");

            Optional<App> app = read(store -> store.apps().find("web-shop"));
            assertThat(app).isEmpty();
            Optional<Config> config = read(store -> store.configs().latest("web-shop"));
            assertThat(config).isEmpty();
            Optional<Release> release = read(store -> store.releases().find("web-shop", 1));
            assertThat(release).isEmpty();
            Optional<Domain> domain = read(store -> store.domains().find("web-shop"));
            assertThat(domain).isEmpty();
            assertThat(platform.simulated.exists("web-shop")).isFalse();
            assertThat(platform.logMessages("web-shop", 10)).isEmpty();

            assertThat(apps.create(owner, Optional.of("web-shop")).id()).isEqualTo("web-shop");
        }
    }

    @Nested
    class Listing {
        @Test
        void showsUsersTheAppsTheyOwnOrShareAndAdminsAllOrderedById() {
            apps.create(owner, Optional.of("zeta"));
            apps.create(owner, Optional.of("alpha"));
            apps.create(mate, Optional.of("mates-own"));
            platform.core.collaborators().grant(owner, "zeta", "mate");

            assertThat(ids(apps.list(owner, PageRequest.FIRST))).containsExactly("alpha", "zeta");
            assertThat(ids(apps.list(mate, PageRequest.FIRST))).containsExactly("mates-own", "zeta");
            assertThat(ids(apps.list(outsider, PageRequest.FIRST))).isEmpty();
            Page<App> all = apps.list(admin, PageRequest.FIRST);
            assertThat(ids(all)).containsExactly("alpha", "mates-own", "zeta");
            assertThat(all.count()).isEqualTo(3);
            Page<App> page = apps.list(admin, new PageRequest(1, 1));
            assertThat(ids(page)).containsExactly("mates-own");
            assertThat(page.count()).isEqualTo(3);
        }

        @Test
        void aPageHoldsAtMostThePageSizeWhateverWasAsked() {
            TestPlatform small = new TestPlatform(Settings.defaults()
                    .withLimits(Settings.Limits.defaults().withPageSize(2)));
            Caller root = small.user("root");
            for (String id : List.of("app-a", "app-b", "app-c")) {
                small.core.apps().create(root, Optional.of(id));
            }

            Page<App> first = small.core.apps().list(root, new PageRequest(1000, 0));
            assertThat(ids(first)).containsExactly("app-a", "app-b");
            assertThat(first.count()).isEqualTo(3);
            assertThat(first.request()).isEqualTo(new PageRequest(2, 0));
            assertThat(ids(small.core.apps().list(root, PageRequest.ALL))).hasSize(2);
            assertThat(ids(small.core.apps().list(root, new PageRequest(1, 2)))).containsExactly("app-c");
            assertThat(small.core.releases().list(root, "app-a", PageRequest.ALL).request().limit()).isEqualTo(2);
            assertThat(small.core.users().list(root, PageRequest.ALL).request().limit()).isEqualTo(2);
        }

        @Test
        void showsOneAppToItsUsersOnly() {
            apps.create(owner, Optional.of("web-shop"));
            platform.core.collaborators().grant(owner, "web-shop", "mate");

            assertThat(apps.get(owner, "web-shop").id()).isEqualTo("web-shop");
            assertThat(apps.get(mate, "web-shop").id()).isEqualTo("web-shop");
            assertThat(apps.get(admin, "web-shop").id()).isEqualTo("web-shop");
            assertThatThrownBy(() -> apps.get(outsider, "web-shop")).isInstanceOf(ForbiddenException.class)
                    .hasMessage("You do not have permission to perform this action.");
            assertThatThrownBy(() -> apps.get(owner, "missing")).isInstanceOf(NotFoundException.class)
                    .hasMessage("No App matches the given query.");
        }
    }

    @Nested
    class Transferring {
        @Test
        void givesTheAppAndTheOldOwnersRecordsToTheNewOwner() {
            apps.create(owner, Optional.of("web-shop"));
            platform.tx.writeVoid(store -> store.domains().insert(
                    new Domain("shop.example.com", "web-shop", "mate", null, TestPlatform.NOW, TestPlatform.NOW)));

            apps.transfer(owner, "web-shop", Optional.of("outsider"));

            assertThat(apps.get(outsider, "web-shop").owner()).isEqualTo("outsider");
            Release v1 = read(store -> store.releases().find("web-shop", 1)).orElseThrow();
            assertThat(v1.owner()).isEqualTo("outsider");
            Domain byOwner = read(store -> store.domains().find("web-shop")).orElseThrow();
            assertThat(byOwner.owner()).isEqualTo("outsider");
            Domain byOther = read(store -> store.domains().find("shop.example.com")).orElseThrow();
            assertThat(byOther.owner()).isEqualTo("mate");
            assertThatThrownBy(() -> apps.get(owner, "web-shop")).isInstanceOf(ForbiddenException.class);
            assertThat(platform.logMessages("web-shop", 1))
                    .containsExactly("owner transferred ownership of web-shop from owner to outsider");
        }

        @Test
        void dropsTheCollaboratorGrantOfTheNewOwner() {
            apps.create(owner, Optional.of("web-shop"));
            platform.core.collaborators().grant(owner, "web-shop", "mate");
            platform.core.collaborators().grant(owner, "web-shop", "outsider");

            apps.transfer(owner, "web-shop", Optional.of("mate"));

            assertThat(platform.core.collaborators().list(mate, "web-shop")).containsExactly("outsider");
            assertThat(platform.hasGrant("web-shop", "mate")).isFalse();
            assertThat(apps.get(mate, "web-shop").owner()).isEqualTo("mate");
        }

        @Test
        void letsAdminsTransferButNotCollaboratorsOrOutsiders() {
            apps.create(owner, Optional.of("web-shop"));
            platform.core.collaborators().grant(owner, "web-shop", "mate");

            assertThatThrownBy(() -> apps.transfer(mate, "web-shop", Optional.of("mate")))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> apps.transfer(outsider, "web-shop", Optional.of("outsider")))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(apps.get(admin, "web-shop").owner()).isEqualTo("owner");

            apps.transfer(admin, "web-shop", Optional.of("mate"));

            assertThat(apps.get(admin, "web-shop").owner()).isEqualTo("mate");
        }

        @Test
        void changesNothingWithoutANewOwnerButStillChecksAccess() {
            apps.create(owner, Optional.of("web-shop"));
            platform.core.collaborators().grant(owner, "web-shop", "mate");

            apps.transfer(mate, "web-shop", Optional.empty());
            apps.transfer(owner, "web-shop", Optional.of(""));

            assertThat(apps.get(owner, "web-shop").owner()).isEqualTo("owner");
            assertThatThrownBy(() -> apps.transfer(outsider, "web-shop", Optional.empty()))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> apps.transfer(owner, "missing", Optional.empty()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void reportsAnUnknownNewOwner() {
            apps.create(owner, Optional.of("web-shop"));

            assertThatThrownBy(() -> apps.transfer(owner, "web-shop", Optional.of("nobody")))
                    .isInstanceOf(NotFoundException.class).hasMessage("No User matches the given query.");
            assertThat(apps.get(owner, "web-shop").owner()).isEqualTo("owner");
        }
    }

    @Nested
    class Destroying {
        @Test
        void removesTheAppEverythingItOwnsItsSpaceAndItsLog() {
            apps.create(owner, Optional.of("web-shop"));
            platform.core.collaborators().grant(owner, "web-shop", "mate");

            apps.destroy(owner, "web-shop");

            assertThatThrownBy(() -> apps.get(admin, "web-shop")).isInstanceOf(NotFoundException.class);
            Optional<Release> release = read(store -> store.releases().find("web-shop", 1));
            assertThat(release).isEmpty();
            Optional<Config> config = read(store -> store.configs().latest("web-shop"));
            assertThat(config).isEmpty();
            Optional<Domain> domain = read(store -> store.domains().find("web-shop"));
            assertThat(domain).isEmpty();
            Optional<Tls> tls = read(store -> store.tls().latest("web-shop"));
            assertThat(tls).isEmpty();
            boolean grant = read(store -> store.permissions().has("web-shop", "mate"));
            assertThat(grant).isFalse();
            assertThat(platform.simulated.exists("web-shop")).isFalse();
            assertThat(platform.logMessages("web-shop", 10)).isEmpty();
            assertThat(ids(apps.list(mate, PageRequest.FIRST))).isEmpty();
        }

        @Test
        void letsOwnersAndAdminsDestroyButNotCollaborators() {
            apps.create(owner, Optional.of("one"));
            apps.create(owner, Optional.of("two"));
            platform.core.collaborators().grant(owner, "one", "mate");

            assertThatThrownBy(() -> apps.destroy(mate, "one")).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> apps.destroy(outsider, "one")).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> apps.destroy(owner, "missing")).isInstanceOf(NotFoundException.class)
                    .hasMessage("No App matches the given query.");
            assertThat(platform.simulated.exists("one")).isTrue();

            apps.destroy(admin, "one");
            apps.destroy(owner, "two");

            assertThat(apps.list(admin, PageRequest.FIRST).count()).isZero();
        }

        @Test
        void checksOwnershipAgainInsideTheWriteThatDeletes() {
            apps.create(owner, Optional.of("web-shop"));
            // The app changes hands after the owner's check passed, before the delete.
            platform.beforeNextWrite(() -> apps.transfer(admin, "web-shop", Optional.of("outsider")));

            assertThatThrownBy(() -> apps.destroy(owner, "web-shop")).isInstanceOf(ForbiddenException.class);

            assertThat(apps.get(outsider, "web-shop").owner()).isEqualTo("outsider");
        }

        @Test
        void keepsTheAppWhenTheSchedulerCannotRemoveItsSpace() {
            apps.create(owner, Optional.of("web-shop"));
            platform.simulated.failNext(Operation.DESTROY,
                    DrydockException.unavailable("destroy web-shop failed on purpose"));

            assertThatThrownBy(() -> apps.destroy(owner, "web-shop")).isInstanceOf(UnavailableException.class);

            assertThat(apps.get(owner, "web-shop").id()).isEqualTo("web-shop");
        }

        @Test
        void waitsForADeployOfTheAppSoThatItsSpaceIsNotMadeAgain() {
            apps.create(owner, Optional.of("web-shop"));
            platform.core.builds().create(owner, "web-shop", "registry.example.com/web-shop:v1", null, null, null);
            AtomicReference<Competitor> destroyer = new AtomicReference<>();
            platform.simulated.beforeNext(Operation.DEPLOY, "web-shop", () ->
                    destroyer.set(Competitor.start(() -> apps.destroy(owner, "web-shop"))));

            platform.core.configs().set(owner, "web-shop", new ConfigChange(Map.of("A", "1"),
                    null, null, null, null, null, null, null, null));

            assertThat(destroyer.get().finish()).isNull();
            assertDestroyedAndFree("web-shop");
        }

        @Test
        void waitsForAScaleOfTheAppSoThatItsSpaceIsNotMadeAgain() {
            apps.create(owner, Optional.of("web-shop"));
            platform.core.builds().create(owner, "web-shop", "slug", "060da68f654e75fac06dbedd1995d5f8ad9084db",
                    Map.of("web", "node server.js"), null);
            AtomicReference<Competitor> destroyer = new AtomicReference<>();
            platform.simulated.beforeNext(Operation.SCALE, "web-shop", () ->
                    destroyer.set(Competitor.start(() -> apps.destroy(owner, "web-shop"))));

            platform.core.processes().scale(owner, "web-shop", Map.of("web", 3));

            assertThat(destroyer.get().finish()).isNull();
            assertDestroyedAndFree("web-shop");
        }

        private void assertDestroyedAndFree(String id) {
            Optional<App> app = read(store -> store.apps().find(id));
            assertThat(app).isEmpty();
            assertThat(platform.simulated.exists(id)).isFalse();
            assertThat(platform.simulated.running(id)).isEmpty();
            assertThat(apps.create(owner, Optional.of(id)).id()).isEqualTo(id);
        }

        @Test
        void allowsTheSameIdToBeCreatedAgain() {
            apps.create(owner, Optional.of("web-shop"));
            apps.destroy(owner, "web-shop");

            App again = apps.create(mate, Optional.of("web-shop"));

            assertThat(again.owner()).isEqualTo("mate");
            int max = read(store -> store.releases().maxVersion("web-shop"));
            assertThat(max).isEqualTo(1);
        }
    }

    @Test
    void theWordListsHaveTheUpstreamShape() {
        assertThat(AppNames.ADJECTIVES).allMatch(word -> word.matches("[a-z]{6}")).doesNotHaveDuplicates()
                .hasSizeGreaterThan(30);
        assertThat(AppNames.NOUNS).allMatch(word -> word.matches("[a-z]{8}")).doesNotHaveDuplicates()
                .hasSizeGreaterThan(30);
        assertThat(new AppNames(new java.util.Random(7)).get()).matches("[a-z]{6}-[a-z]{8}");
    }
}
