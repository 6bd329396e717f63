package dev.drydock.core.domain;

import static dev.drydock.core.certificate.TestCertificates.RSA;
import static dev.drydock.core.certificate.TestCertificates.classic;
import static dev.drydock.core.certificate.TestCertificates.name;
import static dev.drydock.core.certificate.TestCertificates.pem;
import static dev.drydock.core.certificate.TestCertificates.selfSigned;
import static dev.drydock.core.routing.RoutingTestPlatform.ADMIN;
import static dev.drydock.core.routing.RoutingTestPlatform.COLLABORATOR;
import static dev.drydock.core.routing.RoutingTestPlatform.NOW;
import static dev.drydock.core.routing.RoutingTestPlatform.OUTSIDER;
import static dev.drydock.core.routing.RoutingTestPlatform.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Access;
import dev.drydock.core.routing.RoutingTestPlatform;
import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.ForbiddenException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.error.UnauthorizedException;
import dev.drydock.ports.error.UnavailableException;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.usecase.Domains;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DomainServiceTest {
    private final RoutingTestPlatform platform = new RoutingTestPlatform();
    private final Domains domains = platform.domains;
    private final String app = platform.app("web-shop");

    private static void assertDomainError(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidException.class,
                e -> assertThat(e.fieldErrors()).isEqualTo(Map.of("domain", List.of(message))));
    }

    @Nested
    class Add {
        @Test
        void storesTheDomainForTheAppAndTellsTheCluster() {
            Domain added = domains.add(OWNER, app, "shop.example.com");

            assertThat(added).isEqualTo(new Domain("shop.example.com", app, "alice", null, NOW, NOW));
            assertThat(platform.storedDomains(app)).containsExactly("shop.example.com", "web-shop");
            assertThat(platform.routing(app).domains()).containsExactly("shop.example.com", "web-shop");
            assertThat(platform.logLines(app)).contains("domain shop.example.com added");
        }

        @Test
        void collaboratorsAndAdminsMayAddOutsidersMayNot() {
            assertThat(domains.add(COLLABORATOR, app, "carol.example.com").owner()).isEqualTo("carol");
            assertThat(domains.add(ADMIN, app, "root.example.com").owner()).isEqualTo("root");

            assertThatThrownBy(() -> domains.add(OUTSIDER, app, "olga.example.com"))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(platform.storedDomain("olga.example.com")).isEmpty();
        }

        @Test
        void refusesACallerWhoseAccountWasRemovedAfterTheirTokenWasChecked() {
            Routing before = platform.routing(app);
            platform.beforeNextWrite(() -> platform.removeAccount(ADMIN));

            assertThatThrownBy(() -> domains.add(ADMIN, app, "root.example.com"))
                    .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");

            assertThat(platform.storedDomain("root.example.com")).isEmpty();
            assertThat(platform.routing(app)).isEqualTo(before);
            assertThat(platform.logLines(app)).doesNotContain("domain root.example.com added");
            platform.signUp(ADMIN);
            assertThat(domains.add(ADMIN, app, "root.example.com").owner()).as("the name is still free")
                    .isEqualTo("root");
        }

        @Test
        void anUnknownAppIsNotFound() {
            assertThatThrownBy(() -> domains.add(OWNER, "no-such-app", "x.example.com"))
                    .isInstanceOf(NotFoundException.class).hasMessage(Access.NO_APP);
        }

        @Test
        void storesTheAsciiFormAndKeepsTheCaseOfAsciiLabels() {
            assertThat(domains.add(OWNER, app, "домена.ru").domain()).isEqualTo("xn--80ahd1agd.ru");
            assertThat(domains.add(OWNER, app, "MYDOMAIN.NET").domain()).isEqualTo("MYDOMAIN.NET");
            assertThat(domains.add(OWNER, app, " *.drycc.example.com. ").domain()).isEqualTo("*.drycc.example.com");

            assertThat(platform.storedDomains(app))
                    .containsExactly("*.drycc.example.com", "MYDOMAIN.NET", "web-shop", "xn--80ahd1agd.ru");
        }

        @Test
        void refusesWhatIsNotAHostname() {
            assertDomainError(() -> domains.add(OWNER, app, null), "This field is required.");
            assertDomainError(() -> domains.add(OWNER, app, "  "), "This field may not be blank.");
            assertDomainError(() -> domains.add(OWNER, app, "*"), "Hostname can't only be a wildcard");
            assertDomainError(() -> domains.add(OWNER, app, "this-is-an.invalid.1"), "Hostname does not look valid.");
            assertDomainError(() -> domains.add(OWNER, app, "foo.*.bar.com"),
                    "Hostname does not look valid, could not convert to ACE foo.*.bar.com: "
                            + "Codepoint U+002A at position 1 of '*' not allowed");
            assertThat(platform.storedDomains(app)).containsExactly("web-shop");
        }

        @Test
        void aNameBelongsToOneAppOnly() {
            String other = platform.app("other-shop");
            domains.add(OWNER, app, "shop.example.com");
            domains.add(OWNER, app, "домена.ru");

            assertDomainError(() -> domains.add(OWNER, other, "shop.example.com"),
                    "Domain is already in use by another application");
            assertDomainError(() -> domains.add(OWNER, app, "shop.example.com"),
                    "Domain is already in use by another application");
            assertDomainError(() -> domains.add(OWNER, other, "shop.example.com."),
                    "The domain shop.example.com is already in use by another app");
            assertDomainError(() -> domains.add(OWNER, other, "Домена.ru"),
                    "The domain xn--80ahd1agd.ru is already in use by another app");
            assertDomainError(() -> domains.add(OWNER, other, "web-shop"),
                    "Domain is already in use by another application");
            assertThat(platform.storedDomains(other)).containsExactly("other-shop");
        }

        @Test
        void aNameBelongsToOneAppWhateverItsCase() {
            String other = platform.app("other-shop");
            domains.add(OWNER, app, "shop.example.com");
            domains.add(OWNER, app, "xn--80ahd1agd.ru");

            assertDomainError(() -> domains.add(OWNER, other, "SHOP.Example.com"),
                    "Domain is already in use by another application");
            assertDomainError(() -> domains.add(OWNER, other, "XN--80AHD1AGD.ru"),
                    "Domain is already in use by another application");
            assertDomainError(() -> domains.add(OWNER, app, "Shop.example.com"),
                    "Domain is already in use by another application");
            assertDomainError(() -> domains.add(OWNER, other, "WEB-SHOP"),
                    "Domain is already in use by another application");
            assertThat(platform.storedDomains(other)).containsExactly("other-shop");
            assertThat(platform.storedDomains(app))
                    .containsExactly("shop.example.com", "web-shop", "xn--80ahd1agd.ru");
        }

        @Test
        void theUnicodeTwinOfANameStoredInCapitalsIsTaken() {
            String other = platform.app("other-shop");
            assertThat(domains.add(OWNER, app, "XN--80AHD1AGD.RU").domain()).isEqualTo("XN--80AHD1AGD.RU");

            assertDomainError(() -> domains.add(OWNER, other, "домена.ru"),
                    "The domain xn--80ahd1agd.ru is already in use by another app");
        }

        @Test
        void aRoutingFailureStoresNothingAndTheRetryWorks() {
            Routing before = platform.routing(app);
            platform.simulated.failNext(Operation.ROUTE, DrydockException.unavailable("router is down"));

            assertThatThrownBy(() -> domains.add(OWNER, app, "shop.example.com"))
                    .isInstanceOf(UnavailableException.class).hasMessage("router is down");

            assertThat(platform.storedDomains(app)).containsExactly("web-shop");
            assertThat(platform.routing(app)).isEqualTo(before);
            assertThat(platform.logLines(app)).doesNotContain("domain shop.example.com added");

            assertThat(domains.add(OWNER, app, "shop.example.com").domain()).isEqualTo("shop.example.com");
            assertThat(platform.routing(app).domains()).containsExactly("shop.example.com", "web-shop");
        }
    }

    @Nested
    class ListDomains {
        @Test
        void aNewAppHasItsIdAsDefaultDomain() {
            assertThat(domains.list(OWNER, app, PageRequest.FIRST).results()).singleElement()
                    .satisfies(domain -> {
                        assertThat(domain.domain()).isEqualTo("web-shop");
                        assertThat(domain.app()).isEqualTo("web-shop");
                    });
        }

        @Test
        void ordersByNameAndPages() {
            for (String name : List.of("d.example.com", "b.example.com", "c.example.com", "a.example.com")) {
                domains.add(OWNER, app, name);
            }

            Page<Domain> page = domains.list(OWNER, app, new PageRequest(2, 1));

            assertThat(page.count()).isEqualTo(5);
            assertThat(page.results()).extracting(Domain::domain).containsExactly("b.example.com", "c.example.com");
        }

        @Test
        void ordersByNameWithoutRegardToCase() {
            domains.add(OWNER, app, "B.example.com");
            domains.add(OWNER, app, "a.example.com");
            domains.add(OWNER, app, "C.example.com");

            assertThat(domains.list(OWNER, app, PageRequest.ALL).results()).extracting(Domain::domain)
                    .containsExactly("a.example.com", "B.example.com", "C.example.com", "web-shop");
        }

        @Test
        void collaboratorsAndAdminsMayListOutsidersMayNot() {
            assertThat(domains.list(COLLABORATOR, app, PageRequest.FIRST).count()).isEqualTo(1);
            assertThat(domains.list(ADMIN, app, PageRequest.FIRST).count()).isEqualTo(1);
            assertThatThrownBy(() -> domains.list(OUTSIDER, app, PageRequest.FIRST))
                    .isInstanceOf(ForbiddenException.class);
        }
    }

    @Nested
    class Remove {
        @Test
        void takesTheNameInAnyCase() {
            domains.add(OWNER, app, "Shop.Example.com");

            domains.remove(OWNER, app, "shop.example.COM");

            assertThat(platform.storedDomains(app)).containsExactly("web-shop");
            assertThat(platform.routing(app).domains()).containsExactly("web-shop");
            assertThat(platform.logLines(app)).contains("domain Shop.Example.com removed");
        }

        @Test
        void aRoutingFailureKeepsTheDomainAndTheRetryWorks() {
            domains.add(OWNER, app, "shop.example.com");
            platform.certificates.create(OWNER, "shop", pem(selfSigned(name("CN=shop.example.com"), RSA)), classic(RSA));
            platform.certificates.attach(OWNER, "shop", "shop.example.com");
            Routing before = platform.routing(app);
            platform.simulated.failNext(Operation.ROUTE, DrydockException.unavailable("router is down"));

            assertThatThrownBy(() -> domains.remove(OWNER, app, "shop.example.com"))
                    .isInstanceOf(UnavailableException.class).hasMessage("router is down");

            assertThat(platform.storedDomain("shop.example.com").orElseThrow().certificate()).isEqualTo("shop");
            assertThat(platform.routing(app)).isEqualTo(before);
            assertThat(platform.logLines(app)).doesNotContain("domain shop.example.com removed");

            domains.remove(OWNER, app, "shop.example.com");
            assertThat(platform.storedDomains(app)).containsExactly("web-shop");
            assertThat(platform.routing(app).certificates()).isEmpty();
        }

        @Test
        void removesTheDomainAndTellsTheCluster() {
            domains.add(OWNER, app, "shop.example.com");

            domains.remove(OWNER, app, "shop.example.com");

            assertThat(platform.storedDomains(app)).containsExactly("web-shop");
            assertThat(platform.routing(app).domains()).containsExactly("web-shop");
            assertThat(platform.logLines(app)).contains("domain shop.example.com removed");
        }

        @Test
        void takesTheUnicodeOrAsciiFormAndWildcards() {
            domains.add(OWNER, app, "домена.ru");
            domains.add(OWNER, app, "*.домена.ru");

            domains.remove(OWNER, app, "домена.ru");
            domains.remove(OWNER, app, "*.xn--80ahd1agd.ru");

            assertThat(platform.storedDomains(app)).containsExactly("web-shop");
        }

        @Test
        void theDefaultDomainCanGoToo() {
            domains.remove(OWNER, app, "web-shop");

            assertThat(platform.storedDomains(app)).isEmpty();
            assertThat(platform.routing(app).domains()).isEmpty();
        }

        @Test
        void onlyTheOwnerAndAdminsMayRemove() {
            domains.add(COLLABORATOR, app, "carol.example.com");

            assertThatThrownBy(() -> domains.remove(COLLABORATOR, app, "carol.example.com"))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> domains.remove(OUTSIDER, app, "carol.example.com"))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(platform.storedDomains(app)).contains("carol.example.com");

            domains.remove(ADMIN, app, "carol.example.com");
            assertThat(platform.storedDomains(app)).doesNotContain("carol.example.com");
        }

        @Test
        void aDomainNotOfThisAppIsNotFound() {
            String other = platform.app("other-shop");
            domains.add(OWNER, other, "other.example.com");

            assertThatThrownBy(() -> domains.remove(OWNER, app, "other.example.com"))
                    .isInstanceOf(NotFoundException.class).hasMessage(DomainService.NO_DOMAIN);
            assertThatThrownBy(() -> domains.remove(OWNER, app, "nowhere.example.com"))
                    .isInstanceOf(NotFoundException.class).hasMessage(DomainService.NO_DOMAIN);
            assertThat(platform.storedDomains(other)).contains("other.example.com");
        }

        @Test
        void detachesItsCertificateFirst() {
            domains.add(OWNER, app, "shop.example.com");
            platform.certificates.create(OWNER, "shop", pem(selfSigned(name("CN=shop.example.com"), RSA)), classic(RSA));
            platform.certificates.attach(OWNER, "shop", "shop.example.com");
            assertThat(platform.routing(app).certificates()).hasSize(1);

            domains.remove(OWNER, app, "shop.example.com");

            assertThat(platform.certificates.get(OWNER, "shop").domains()).isEmpty();
            Routing routing = platform.routing(app);
            assertThat(routing.domains()).containsExactly("web-shop");
            assertThat(routing.certificates()).isEmpty();
        }

        @Test
        void destroyingTheAppFreesItsDomains() {
            domains.add(OWNER, app, "shop.example.com");
            platform.certificates.create(OWNER, "shop", pem(selfSigned(name("CN=shop.example.com"), RSA)), classic(RSA));
            platform.certificates.attach(OWNER, "shop", "shop.example.com");

            platform.apps.destroy(OWNER, app);

            assertThat(platform.certificates.get(OWNER, "shop").domains()).isEmpty();
            String next = platform.app("next-shop");
            assertThat(domains.add(OWNER, next, "shop.example.com").app()).isEqualTo("next-shop");
            assertThat(domains.add(OWNER, next, "web-shop").app()).isEqualTo("next-shop");
        }
    }
}
