package dev.drydock.http;

import static dev.drydock.http.PlatformFixture.detail;
import static dev.drydock.http.PlatformFixture.fieldError;
import static dev.drydock.http.PlatformFixture.fieldNames;
import static dev.drydock.http.PlatformFixture.notFoundText;
import static dev.drydock.http.PlatformFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.http.ApiFixture.Reply;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /v2/certs: a user's certificates and attaching them to domains. */
class CertificateApiTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Instant STARTS = Instant.parse("2026-01-02T03:04:05Z");
    private static final Instant EXPIRES = Instant.parse("2036-01-02T03:04:05Z");
    static PlatformFixture api;
    static TestCertificates.Pem pem;

    @BeforeAll
    static void start() {
        api = PlatformFixture.start();
        pem = TestCertificates.selfSigned("C=US,ST=CA,L=San Francisco,O=Drycc,OU=Engineering,CN=shop.example.com",
                List.of("shop.example.com", "www.shop.example.com"), STARTS, EXPIRES);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String name() {
        return "cert-" + NEXT.incrementAndGet();
    }

    private static Reply create(String token, String name) {
        return api.post("/v2/certs", token, ApiFixture.json("name", name, "certificate", pem.certificate(),
                "key", pem.key()));
    }

    /** A certificate of the owner's and a domain on one of the owner's apps. */
    private static String[] certificateAndDomain() {
        String name = name();
        assertThat(create(api.owner, name).status()).isEqualTo(201);
        String domain = "site-" + NEXT.incrementAndGet() + ".example.com";
        Reply added = api.post("/v2/apps/" + api.app() + "/domains", api.owner, ApiFixture.json("domain", domain));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return new String[] {name, domain};
    }

    @Test
    void createAnswersTheParsedCertificateButNeverItsPems() {
        String name = name();

        Reply reply = create(api.owner, name);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode cert = reply.json();
        assertThat(fieldNames(cert)).containsExactly("id", "owner", "name", "common_name", "san", "fingerprint",
                "expires", "starts", "issuer", "subject", "domains", "created", "updated");
        assertThat(cert.get("id").isIntegralNumber()).isTrue();
        assertThat(cert.get("owner").asText()).isEqualTo("owner");
        assertThat(cert.get("name").asText()).isEqualTo(name);
        assertThat(cert.get("common_name").asText()).isEqualTo("shop.example.com");
        assertThat(cert.get("san").toString()).isEqualTo("[\"shop.example.com\",\"www.shop.example.com\"]");
        assertThat(cert.get("fingerprint").asText()).isEqualTo(pem.fingerprint()).hasSize(95);
        assertThat(cert.get("starts").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(cert.get("expires").asText()).isEqualTo("2036-01-02T03:04:05Z");
        assertThat(cert.get("subject").asText())
                .isEqualTo("/C=US/ST=CA/L=San Francisco/O=Drycc/OU=Engineering/CN=shop.example.com");
        assertThat(cert.get("issuer").asText()).isEqualTo(cert.get("subject").asText());
        assertThat(cert.get("domains").isArray()).isTrue();
        assertThat(cert.get("domains").size()).isZero();
        assertThat(reply.body()).doesNotContain("PRIVATE KEY", "BEGIN CERTIFICATE");
    }

    @Test
    void badCertificatesAre400OnTheirFields() {
        assertThat(fieldError(api.post("/v2/certs", api.owner, ApiFixture.json("name", "Bad_Name",
                "certificate", pem.certificate(), "key", pem.key())), "name"))
                .isEqualTo("Can only contain a-z (lowercase), 0-9 and hyphens");
        assertThat(fieldError(api.post("/v2/certs", api.owner, ApiFixture.json("name", name(),
                "certificate", "not a certificate", "key", pem.key())), "certificate"))
                .startsWith("Could not load certificate");
        assertThat(fieldError(api.post("/v2/certs", api.owner, ApiFixture.json("name", name(),
                "certificate", pem.certificate(), "key", "not a key")), "key"))
                .startsWith("Could not load private key");
        Reply empty = api.post("/v2/certs", api.owner, "{}");
        assertThat(fieldNames(empty.json())).contains("name", "certificate", "key");
        assertThat(fieldError(empty, "name")).isEqualTo("This field is required.");
    }

    @Test
    void namesAreUniqueAcrossUsers() {
        String name = name();
        create(api.owner, name);

        Reply reply = create(api.outsider, name);

        assertThat(fieldError(reply, "name")).isEqualTo("certificate with this name already exists.");
    }

    @Test
    void everyoneSeesOnlyTheirOwnCertificatesAdminsIncluded() {
        String mine = name();
        String theirs = name();
        create(api.owner, mine);
        create(api.outsider, theirs);

        Reply list = api.get("/v2/certs", api.owner);
        assertThat(list.status()).isEqualTo(200);
        assertThat(fieldNames(list.json())).containsExactly("count", "next", "previous", "results");
        assertThat(texts(list.json().get("results"), "name")).contains(mine).doesNotContain(theirs).isSorted();
        assertThat(texts(api.get("/v2/certs/", api.admin).json().get("results"), "name"))
                .doesNotContain(mine, theirs);
        assertThat(api.get("/v2/certs/" + mine, api.owner).json().get("name").asText()).isEqualTo(mine);
        assertThat(notFoundText(api.get("/v2/certs/" + mine, api.admin)))
                .isEqualTo("No Certificate matches the given query.");
        assertThat(notFoundText(api.get("/v2/certs/" + theirs, api.owner)))
                .isEqualTo("No Certificate matches the given query.");
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        String name = name();
        create(api.owner, name);

        assertThat(api.get("/v2/certs", null).status()).isEqualTo(401);
        assertThat(create(null, name()).status()).isEqualTo(401);
        assertThat(api.get("/v2/certs/" + name, null).status()).isEqualTo(401);
        assertThat(api.delete("/v2/certs/" + name, null).status()).isEqualTo(401);
        assertThat(api.post("/v2/certs/" + name + "/domain/", null, "{\"domain\": \"x.com\"}").status())
                .isEqualTo(401);
        assertThat(api.delete("/v2/certs/" + name + "/domain/x.com", null).status()).isEqualTo(401);
    }

    @Test
    void deleteRemovesOnlyOnesOwnCertificate() {
        String name = name();
        create(api.owner, name);

        assertThat(notFoundText(api.delete("/v2/certs/" + name, api.admin)))
                .isEqualTo("No Certificate matches the given query.");
        Reply deleted = api.delete("/v2/certs/" + name, api.owner);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.get("/v2/certs/" + name, api.owner).status()).isEqualTo(404);
    }

    @Test
    void attachWithTheDomainInTheBodyAndDetach() {
        String[] pair = certificateAndDomain();
        String name = pair[0];
        String domain = pair[1];

        Reply attached = api.post("/v2/certs/" + name + "/domain/", api.owner, ApiFixture.json("domain", domain));

        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        assertThat(attached.body()).isEmpty();
        assertThat(api.get("/v2/certs/" + name, api.owner).json().get("domains").toString())
                .isEqualTo("[\"" + domain + "\"]");
        Reply detached = api.delete("/v2/certs/" + name + "/domain/" + domain, api.owner);
        assertThat(detached.status()).isEqualTo(204);
        assertThat(api.get("/v2/certs/" + name, api.owner).json().get("domains").size()).isZero();
    }

    @Test
    void attachWithTheDomainInThePath() {
        String[] pair = certificateAndDomain();

        Reply attached = api.post("/v2/certs/" + pair[0] + "/domain/" + pair[1], api.owner, null);

        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        assertThat(api.post("/v2/certs/" + pair[0] + "/domain", api.owner, null).status()).isEqualTo(400);
        assertThat(api.delete("/v2/certs/" + pair[0] + "/domain/" + pair[1] + "/", api.owner).status())
                .isEqualTo(204);
    }

    @Test
    void aDomainHoldsOneCertificate() {
        String[] pair = certificateAndDomain();
        String other = name();
        create(api.owner, other);
        api.post("/v2/certs/" + pair[0] + "/domain/" + pair[1], api.owner, null);

        Reply reply = api.post("/v2/certs/" + other + "/domain/" + pair[1], api.owner, null);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(detail(reply)).isEqualTo("Domain already has a certificate attached to it");
    }

    @Test
    void attachingNeedsADomainThatExistsAndACertificateOfOnesOwn() {
        String[] pair = certificateAndDomain();

        Reply noDomain = api.post("/v2/certs/" + pair[0] + "/domain/", api.owner, "{}");
        assertThat(noDomain.status()).isEqualTo(400);
        assertThat(detail(noDomain)).isEqualTo("domain is a required field");
        assertThat(notFoundText(api.post("/v2/certs/" + pair[0] + "/domain/nowhere.example.com", api.owner, null)))
                .isEqualTo("No Domain matches the given query.");
        assertThat(notFoundText(api.post("/v2/certs/" + pair[0] + "/domain/" + pair[1], api.admin, null)))
                .isEqualTo("No Certificate matches the given query.");
        assertThat(notFoundText(api.delete("/v2/certs/" + pair[0] + "/domain/nowhere.example.com", api.owner)))
                .isEqualTo("No Domain matches the given query.");
    }

    @Test
    void attachingToADomainOfThousandsOfNonAsciiCharactersIs404() {
        String[] pair = certificateAndDomain();

        Reply reply = api.post("/v2/certs/" + pair[0] + "/domain/", api.owner, ApiFixture.json("domain",
                "é".repeat(2000) + ".example.com"));

        assertThat(notFoundText(reply)).isEqualTo("No Domain matches the given query.");
        assertThat(notFoundText(api.delete("/v2/certs/" + pair[0] + "/domain/"
                + java.net.URLEncoder.encode("é".repeat(1001), java.nio.charset.StandardCharsets.UTF_8), api.owner)))
                .isEqualTo("No Domain matches the given query.");
        assertThat(api.get("/v2/certs/" + pair[0], api.owner).json().get("domains")).isEmpty();
    }

    @Test
    void attachingToADomainOfAnAppOneMayNotUseIsForbidden() {
        String[] pair = certificateAndDomain();
        String outsiders = name();
        create(api.outsider, outsiders);

        Reply reply = api.post("/v2/certs/" + outsiders + "/domain/" + pair[1], api.outsider, null);

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void deletingAnAttachedCertificateDetachesIt() {
        String[] pair = certificateAndDomain();
        api.post("/v2/certs/" + pair[0] + "/domain/" + pair[1], api.owner, null);
        String replacement = name();
        create(api.owner, replacement);

        assertThat(api.delete("/v2/certs/" + pair[0], api.owner).status()).isEqualTo(204);

        assertThat(api.post("/v2/certs/" + replacement + "/domain/" + pair[1], api.owner, null).status())
                .isEqualTo(201);
    }

    @Test
    void certificatesCannotBeChanged() {
        String name = name();
        create(api.owner, name);

        assertThat(api.send("PUT", "/v2/certs/" + name, api.owner, "{}", "application/json").status())
                .isEqualTo(405);
        assertThat(api.send("PATCH", "/v2/certs/" + name, api.owner, "{}", "application/json").status())
                .isEqualTo(405);
        assertThat(api.delete("/v2/certs", api.owner).status()).isEqualTo(405);
    }

    @Test
    void startsAndExpiresAreWholeSecondsInUtc() {
        TestCertificates.Pem shortLived = TestCertificates.selfSigned("CN=short.example.com", List.of(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Instant.now().plus(1, ChronoUnit.DAYS));

        Reply reply = api.post("/v2/certs", api.owner, ApiFixture.json("name", name(),
                "certificate", shortLived.certificate(), "key", shortLived.key()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().get("expires").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(reply.json().get("san").size()).isZero();
        assertThat(reply.json().get("subject").asText()).isEqualTo("/CN=short.example.com");
    }
}
