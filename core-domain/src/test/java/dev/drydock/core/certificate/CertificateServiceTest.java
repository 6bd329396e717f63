package dev.drydock.core.certificate;

import static dev.drydock.core.certificate.TestCertificates.EC;
import static dev.drydock.core.certificate.TestCertificates.OTHER_RSA;
import static dev.drydock.core.certificate.TestCertificates.RSA;
import static dev.drydock.core.certificate.TestCertificates.classic;
import static dev.drydock.core.certificate.TestCertificates.fullName;
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

import dev.drydock.core.domain.DomainService;
import dev.drydock.core.routing.RoutingTestPlatform;
import dev.drydock.inmemory.SimulatedScheduler.Operation;
import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.ForbiddenException;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.error.UnauthorizedException;
import dev.drydock.ports.error.UnavailableException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.spi.Routing;
import dev.drydock.ports.usecase.Certificates;
import dev.drydock.ports.usecase.Certificates.Attached;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CertificateServiceTest {
    private static final String SHOP_CERTIFICATE = pem(selfSigned(fullName("shop.example.com"), RSA,
            "shop.example.com", "www.shop.example.com"));
    private static final String SHOP_KEY = classic(RSA);

    private final RoutingTestPlatform platform = new RoutingTestPlatform();
    private final Certificates certificates = platform.certificates;
    private final String app = platform.app("web-shop");

    private Attached create(Caller caller, String name) {
        return certificates.create(caller, name, SHOP_CERTIFICATE, SHOP_KEY);
    }

    private static void assertFieldErrors(ThrowingCallable call, Map<String, List<String>> expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidException.class,
                e -> assertThat(e.fieldErrors()).isEqualTo(expected));
    }

    @Nested
    class Create {
        @Test
        void storesWhatTheCertificateSays() {
            Attached created = create(OWNER, "shop");

            Certificate certificate = created.certificate();
            assertThat(certificate.id()).isPositive();
            assertThat(certificate.owner()).isEqualTo("alice");
            assertThat(certificate.name()).isEqualTo("shop");
            assertThat(certificate.commonName()).isEqualTo("shop.example.com");
            assertThat(certificate.san()).containsExactly("shop.example.com", "www.shop.example.com");
            assertThat(certificate.fingerprint()).hasSize(95);
            assertThat(certificate.subject()).isEqualTo("/C=US/ST=CA/L=San Francisco/O=Drycc/OU=Engineering"
                    + "/CN=shop.example.com/emailAddress=engineering@drycc.cc");
            assertThat(certificate.issuer()).isEqualTo(certificate.subject());
            assertThat(certificate.created()).isEqualTo(NOW);
            assertThat(certificate.updated()).isEqualTo(NOW);
            assertThat(created.domains()).isEmpty();
            assertThat(certificates.get(OWNER, "shop")).isEqualTo(created);
        }

        @Test
        void refusesACallerWhoseAccountWasRemovedAfterTheirTokenWasChecked() {
            platform.beforeNextWrite(() -> platform.removeAccount(OUTSIDER));

            assertThatThrownBy(() -> create(OUTSIDER, "shop"))
                    .isInstanceOf(UnauthorizedException.class).hasMessage("User inactive or deleted.");

            platform.signUp(OUTSIDER);
            assertThat(certificates.list(OUTSIDER, PageRequest.FIRST).count())
                    .as("nothing passes to a new olga").isZero();
            assertThat(create(OWNER, "shop").certificate().owner()).as("the name is still free").isEqualTo("alice");
        }

        @Test
        void keepsTheKeyOutOfItsText() {
            String keyLine = SHOP_KEY.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();

            Attached created = create(OWNER, "shop");

            assertThat(created.toString()).doesNotContain(keyLine).doesNotContain("PRIVATE KEY");
            assertThat(platform.logLines(app)).noneMatch(line -> line.contains(keyLine));
        }

        @Test
        void namesAreLowercaseLettersDigitsAndHyphensAndUnique() {
            create(OWNER, "shop");

            assertFieldErrors(() -> create(OUTSIDER, "shop"), Map.of("name",
                    List.of("certificate with this name already exists.")));
            assertFieldErrors(() -> create(OWNER, "Shop_1"), Map.of("name",
                    List.of("Can only contain a-z (lowercase), 0-9 and hyphens")));
            assertFieldErrors(() -> create(OWNER, "a".repeat(254)), Map.of("name",
                    List.of("Ensure this field has no more than 253 characters.")));
            assertFieldErrors(() -> create(OWNER, null), Map.of("name", List.of("This field is required.")));
            assertFieldErrors(() -> create(OWNER, " "), Map.of("name", List.of("This field may not be blank.")));
            assertThat(certificates.list(OWNER, PageRequest.FIRST).count()).isEqualTo(1);
        }

        @Test
        void reportsEveryFieldAtOnce() {
            create(OWNER, "shop");

            assertFieldErrors(() -> certificates.create(OWNER, "shop", "garbage", null), Map.of(
                    "name", List.of("certificate with this name already exists."),
                    "certificate", List.of("Could not load certificate: no PEM certificate found"),
                    "key", List.of("This field is required.")));
        }

        @Test
        void refusesAKeyOfAnotherCertificate() {
            assertFieldErrors(() -> certificates.create(OWNER, "shop", SHOP_CERTIFICATE, classic(OTHER_RSA)),
                    Map.of("key", List.of(CertificateParser.KEY_MISMATCH)));
            assertThat(certificates.list(OWNER, PageRequest.FIRST).count()).isZero();
        }

        @Test
        void takesAChainAndAnEcKey() {
            String ec = pem(selfSigned(name("CN=ec.example.com"), EC));

            Attached created = certificates.create(OWNER, "ec", ec + SHOP_CERTIFICATE, TestCertificates.pkcs8(EC.getPrivate()));

            assertThat(created.certificate().commonName()).isEqualTo("ec.example.com");
            assertThat(created.certificate().certificatePem()).as("the chain reaches the cluster whole")
                    .isEqualTo(ec + SHOP_CERTIFICATE);
        }
    }

    @Nested
    class Visibility {
        @Test
        void eachUserSeesOnlyTheirOwnAdminsToo() {
            create(OWNER, "shop");
            create(OUTSIDER, "olga");

            assertThat(certificates.list(OWNER, PageRequest.FIRST).results())
                    .extracting(a -> a.certificate().name()).containsExactly("shop");
            assertThat(certificates.list(ADMIN, PageRequest.FIRST).count()).isZero();
            for (Caller other : List.of(ADMIN, OUTSIDER, COLLABORATOR)) {
                assertThatThrownBy(() -> certificates.get(other, "shop"))
                        .isInstanceOf(NotFoundException.class).hasMessage(CertificateService.NO_CERTIFICATE);
                assertThatThrownBy(() -> certificates.delete(other, "shop"))
                        .isInstanceOf(NotFoundException.class).hasMessage(CertificateService.NO_CERTIFICATE);
                assertThatThrownBy(() -> certificates.attach(other, "shop", "web-shop"))
                        .isInstanceOf(NotFoundException.class).hasMessage(CertificateService.NO_CERTIFICATE);
            }
            assertThat(certificates.get(OWNER, "shop").certificate().name()).isEqualTo("shop");
        }

        @Test
        void listsByNameAndPages() {
            for (String name : List.of("delta", "bravo", "charlie", "alpha")) {
                create(OWNER, name);
            }

            var page = certificates.list(OWNER, new PageRequest(2, 1));

            assertThat(page.count()).isEqualTo(4);
            assertThat(page.results()).extracting(a -> a.certificate().name()).containsExactly("bravo", "charlie");
        }
    }

    @Nested
    class Attach {
        @Test
        void attachesToADomainAndTellsTheCluster() {
            platform.domains.add(OWNER, app, "shop.example.com");
            create(OWNER, "shop");

            certificates.attach(OWNER, "shop", "shop.example.com");

            assertThat(certificates.get(OWNER, "shop").domains()).containsExactly("shop.example.com");
            assertThat(platform.storedDomain("shop.example.com").orElseThrow().certificate()).isEqualTo("shop");
            Routing routing = platform.routing(app);
            assertThat(routing.certificates()).singleElement().satisfies(tls -> {
                assertThat(tls.name()).isEqualTo("shop");
                assertThat(tls.domains()).containsExactly("shop.example.com");
                assertThat(tls.certificatePem()).isEqualTo(SHOP_CERTIFICATE);
                assertThat(tls.keyPem()).isEqualTo(SHOP_KEY);
            });
        }

        @Test
        void oneCertificateServesSeveralDomainsAndAppsEachSeeTheirOwn() {
            String other = platform.app("other-shop");
            platform.domains.add(OWNER, app, "www.shop.example.com");
            platform.domains.add(OWNER, other, "shop.example.com");
            create(OWNER, "shop");

            certificates.attach(OWNER, "shop", "www.shop.example.com");
            certificates.attach(OWNER, "shop", "shop.example.com");
            certificates.attach(OWNER, "shop", "web-shop");

            assertThat(certificates.get(OWNER, "shop").domains())
                    .containsExactly("shop.example.com", "web-shop", "www.shop.example.com");
            assertThat(platform.routing(app).certificates()).singleElement()
                    .satisfies(tls -> assertThat(tls.domains()).containsExactly("web-shop", "www.shop.example.com"));
            assertThat(platform.routing(other).certificates()).singleElement()
                    .satisfies(tls -> assertThat(tls.domains()).containsExactly("shop.example.com"));
        }

        @Test
        void findsTheDomainByItsUnicodeForm() {
            platform.domains.add(OWNER, app, "домена.ru");
            create(OWNER, "shop");

            certificates.attach(OWNER, "shop", "домена.ru");

            assertThat(certificates.get(OWNER, "shop").domains()).containsExactly("xn--80ahd1agd.ru");
        }

        @Test
        void theDomainMustBeOnAnAppTheCallerMayUse() {
            create(COLLABORATOR, "carol");
            create(ADMIN, "root");
            create(OUTSIDER, "olga");

            certificates.attach(COLLABORATOR, "carol", "web-shop");
            assertThatThrownBy(() -> certificates.attach(OUTSIDER, "olga", "web-shop"))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(certificates.get(OUTSIDER, "olga").domains()).isEmpty();

            certificates.detach(COLLABORATOR, "carol", "web-shop");
            certificates.attach(ADMIN, "root", "web-shop");
            assertThat(certificates.get(ADMIN, "root").domains()).containsExactly("web-shop");
        }

        @Test
        void aDomainHoldsOneCertificate() {
            create(OWNER, "shop");
            create(OWNER, "spare");
            certificates.attach(OWNER, "shop", "web-shop");

            assertThatThrownBy(() -> certificates.attach(OWNER, "spare", "web-shop"))
                    .isInstanceOf(ConflictException.class).hasMessage("Domain already has a certificate attached to it");
            assertThatThrownBy(() -> certificates.attach(OWNER, "shop", "web-shop"))
                    .isInstanceOf(ConflictException.class);
            assertThat(certificates.get(OWNER, "shop").domains()).containsExactly("web-shop");
        }

        @Test
        void theDomainIsRequiredAndMustExist() {
            create(OWNER, "shop");

            assertThatThrownBy(() -> certificates.attach(OWNER, "shop", null))
                    .isInstanceOfSatisfying(InvalidException.class, e -> {
                        assertThat(e).hasMessage("domain is a required field");
                        assertThat(e.fieldErrors()).isEmpty();
                    });
            assertThatThrownBy(() -> certificates.attach(OWNER, "shop", " "))
                    .isInstanceOf(InvalidException.class).hasMessage("domain is a required field");
            assertThatThrownBy(() -> certificates.attach(OWNER, "shop", "nowhere.example.com"))
                    .isInstanceOf(NotFoundException.class).hasMessage(DomainService.NO_DOMAIN);
            assertThatThrownBy(() -> certificates.attach(OWNER, "missing", "web-shop"))
                    .isInstanceOf(NotFoundException.class).hasMessage(CertificateService.NO_CERTIFICATE);
        }

        @Test
        void findsTheDomainWhateverItsCase() {
            create(OWNER, "shop");
            platform.domains.add(OWNER, app, "Shop.Example.com");

            certificates.attach(OWNER, "shop", "WEB-SHOP");
            certificates.attach(OWNER, "shop", "shop.example.com");

            assertThat(certificates.get(OWNER, "shop").domains()).containsExactly("Shop.Example.com", "web-shop");
            certificates.detach(OWNER, "shop", "SHOP.EXAMPLE.COM");
            assertThat(certificates.get(OWNER, "shop").domains()).containsExactly("web-shop");
        }

        @Test
        void aRoutingFailureAttachesNothingAndTheRetryWorks() {
            create(OWNER, "shop");
            Routing before = platform.routing(app);
            platform.simulated.failNext(Operation.ROUTE, new IllegalStateException("connection refused"));

            assertThatThrownBy(() -> certificates.attach(OWNER, "shop", "web-shop"))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("Could not update the routing of app web-shop");

            assertThat(certificates.get(OWNER, "shop").domains()).isEmpty();
            assertThat(platform.routing(app)).isEqualTo(before);

            certificates.attach(OWNER, "shop", "web-shop");
            assertThat(certificates.get(OWNER, "shop").domains()).containsExactly("web-shop");
            assertThat(platform.routing(app).certificates()).extracting(Routing.TlsCertificate::name)
                    .containsExactly("shop");
        }
    }

    @Nested
    class Detach {
        @Test
        void detachesAndTellsTheCluster() {
            create(OWNER, "shop");
            certificates.attach(OWNER, "shop", "web-shop");

            certificates.detach(OWNER, "shop", "web-shop");

            assertThat(certificates.get(OWNER, "shop").domains()).isEmpty();
            assertThat(platform.routing(app).certificates()).isEmpty();
            assertThat(platform.routing(app).domains()).containsExactly("web-shop");
        }

        @Test
        void aRoutingFailureKeepsTheAttachmentAndTheRetryWorks() {
            create(OWNER, "shop");
            certificates.attach(OWNER, "shop", "web-shop");
            Routing before = platform.routing(app);
            platform.simulated.failNext(Operation.ROUTE, DrydockException.unavailable("router is down"));

            assertThatThrownBy(() -> certificates.detach(OWNER, "shop", "web-shop"))
                    .isInstanceOf(UnavailableException.class).hasMessage("router is down");

            assertThat(certificates.get(OWNER, "shop").domains()).containsExactly("web-shop");
            assertThat(platform.routing(app)).isEqualTo(before);

            certificates.detach(OWNER, "shop", "web-shop");
            assertThat(certificates.get(OWNER, "shop").domains()).isEmpty();
            assertThat(platform.routing(app).certificates()).isEmpty();
        }

        @Test
        void onlyFromADomainThisCertificateIsAttachedTo() {
            create(OWNER, "shop");
            create(OWNER, "spare");
            certificates.attach(OWNER, "shop", "web-shop");

            assertThatThrownBy(() -> certificates.detach(OWNER, "spare", "web-shop"))
                    .isInstanceOf(InvalidException.class).hasMessage("web-shop is not attached to certificate spare");
            assertThat(certificates.get(OWNER, "shop").domains()).containsExactly("web-shop");

            certificates.detach(OWNER, "shop", "web-shop");
            assertThatThrownBy(() -> certificates.detach(OWNER, "shop", "web-shop"))
                    .isInstanceOf(InvalidException.class).hasMessage("web-shop is not attached to certificate shop");
        }

        @Test
        void theDomainMustExistOnAnAppTheCallerMayUse() {
            create(OWNER, "shop");
            certificates.attach(OWNER, "shop", "web-shop");

            assertThatThrownBy(() -> certificates.detach(OWNER, "shop", "nowhere.example.com"))
                    .isInstanceOf(NotFoundException.class).hasMessage(DomainService.NO_DOMAIN);
            assertThatThrownBy(() -> certificates.detach(OWNER, "shop", null))
                    .isInstanceOf(InvalidException.class).hasMessage("domain is a required field");
            platform.tx.writeVoid(store -> store.permissions().revoke(app, COLLABORATOR.username()));
            create(COLLABORATOR, "carol");
            assertThatThrownBy(() -> certificates.detach(COLLABORATOR, "carol", "web-shop"))
                    .isInstanceOf(ForbiddenException.class);
        }
    }

    @Nested
    class Delete {
        @Test
        void detachesFromEveryDomainThenGoes() {
            String other = platform.app("other-shop");
            create(OWNER, "shop");
            certificates.attach(OWNER, "shop", "web-shop");
            certificates.attach(OWNER, "shop", "other-shop");

            certificates.delete(OWNER, "shop");

            assertThatThrownBy(() -> certificates.get(OWNER, "shop")).isInstanceOf(NotFoundException.class);
            assertThat(platform.storedDomain("web-shop").orElseThrow().certificate()).isNull();
            assertThat(platform.routing(app).certificates()).isEmpty();
            assertThat(platform.routing(other).certificates()).isEmpty();
            assertThat(platform.routing(other).domains()).containsExactly("other-shop");
        }

        @Test
        void aRoutingFailureKeepsTheCertificateAndPutsBackWhatOtherAppsWereTold() {
            String other = platform.app("other-shop");
            create(OWNER, "shop");
            certificates.attach(OWNER, "shop", "web-shop");
            certificates.attach(OWNER, "shop", "other-shop");
            Routing otherBefore = platform.routing(other);
            Routing appBefore = platform.routing(app);
            // apps are told in name order: other-shop hears of the deletion, then web-shop fails
            platform.simulated.failNext(Operation.ROUTE, app, DrydockException.unavailable("router is down"));

            assertThatThrownBy(() -> certificates.delete(OWNER, "shop"))
                    .isInstanceOf(UnavailableException.class).hasMessage("router is down");

            assertThat(certificates.get(OWNER, "shop").domains()).containsExactly("other-shop", "web-shop");
            assertThat(platform.routing(other)).isEqualTo(otherBefore);
            assertThat(platform.routing(app)).isEqualTo(appBefore);

            certificates.delete(OWNER, "shop");
            assertThatThrownBy(() -> certificates.get(OWNER, "shop")).isInstanceOf(NotFoundException.class);
            assertThat(platform.routing(app).certificates()).isEmpty();
            assertThat(platform.routing(other).certificates()).isEmpty();
        }

        @Test
        void theNameIsFreeAgainAfterwards() {
            create(OWNER, "shop");
            certificates.delete(OWNER, "shop");

            assertThat(create(OUTSIDER, "shop").certificate().owner()).isEqualTo("olga");
        }
    }
}
