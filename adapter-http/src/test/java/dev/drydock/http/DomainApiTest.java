package dev.drydock.http;

import static dev.drydock.http.PlatformFixture.detail;
import static dev.drydock.http.PlatformFixture.fieldError;
import static dev.drydock.http.PlatformFixture.fieldNames;
import static dev.drydock.http.PlatformFixture.notFoundText;
import static dev.drydock.http.PlatformFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.http.ApiFixture.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /v2/apps/{id}/domains: the hostnames routed to an app, for each role. */
class DomainApiTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    static PlatformFixture api;

    @BeforeAll
    static void start() {
        api = PlatformFixture.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String domains(String app) {
        return "/v2/apps/" + app + "/domains";
    }

    private static String hostname() {
        return "shop-" + NEXT.incrementAndGet() + ".example.com";
    }

    private static Reply add(String app, String token, String domain) {
        return api.post(domains(app), token, ApiFixture.json("domain", domain));
    }

    @Test
    void addAnswersTheDomainRepresentation() {
        String app = api.app();
        String domain = hostname();

        Reply reply = add(app, api.owner, domain);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode json = reply.json();
        assertThat(fieldNames(json)).containsExactly("owner", "created", "updated", "app", "domain");
        assertThat(json.get("owner").asText()).isEqualTo("owner");
        assertThat(json.get("app").asText()).isEqualTo(app);
        assertThat(json.get("domain").asText()).isEqualTo(domain);
        assertThat(json.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void collaboratorsAndAdminsMayAddOutsidersAndAnonymousMayNot() {
        String app = api.app();

        assertThat(add(app, api.collab, hostname()).status()).isEqualTo(201);
        assertThat(add(app, api.admin, hostname()).status()).isEqualTo(201);
        Reply outsider = add(app, api.outsider, hostname());
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(detail(outsider)).isEqualTo("You do not have permission to perform this action.");
        assertThat(add(app, null, hostname()).status()).isEqualTo(401);
        assertThat(notFoundText(add("no-such-app", api.owner, hostname())))
                .isEqualTo("No App matches the given query.");
    }

    @Test
    void badDomainsAre400OnTheField() {
        String app = api.app();
        String taken = hostname();
        add(api.app(), api.owner, taken);

        assertThat(fieldError(api.post(domains(app), api.owner, "{}"), "domain")).isEqualTo("This field is required.");
        assertThat(fieldError(add(app, api.owner, ""), "domain")).isEqualTo("This field may not be blank.");
        assertThat(fieldError(add(app, api.owner, taken), "domain"))
                .isEqualTo("Domain is already in use by another application");
        assertThat(fieldError(add(app, api.owner, "*"), "domain")).isEqualTo("Hostname can't only be a wildcard");
        assertThat(fieldError(add(app, api.owner, "this-is-an.invalid.1"), "domain"))
                .isEqualTo("Hostname does not look valid.");
        assertThat(fieldError(add(app, api.owner, "this_is_an.invalid.domain"), "domain"))
                .startsWith("Hostname does not look valid, could not convert to ACE");
        assertThat(fieldError(api.post(domains(app), api.owner, "{\"domain\": [\"a.com\"]}"), "domain"))
                .isEqualTo("Not a valid string.");
    }

    @Test
    void listIsPaginatedAndOrderedByDomain() {
        String app = api.app();
        add(app, api.owner, "b-" + hostname());
        add(app, api.owner, "a-" + hostname());

        for (String token : api.users()) {
            Reply reply = api.get(domains(app), token);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(fieldNames(reply.json())).containsExactly("count", "next", "previous", "results");
            assertThat(reply.json().get("count").asInt()).isEqualTo(3);
            assertThat(texts(reply.json().get("results"), "domain")).isSorted().contains(app);
        }
        assertThat(api.get(domains(app), api.outsider).status()).isEqualTo(403);
        assertThat(api.get(domains(app), null).status()).isEqualTo(401);
        assertThat(notFoundText(api.get(domains("no-such-app"), api.owner)))
                .isEqualTo("No App matches the given query.");
    }

    @Test
    void ownerAndAdminMayRemoveADomain() {
        String app = api.app();
        String first = hostname();
        String second = hostname();
        add(app, api.owner, first);
        add(app, api.owner, second);

        Reply byOwner = api.delete(domains(app) + "/" + first, api.owner);
        Reply byAdmin = api.delete(domains(app) + "/" + second + "/", api.admin);

        assertThat(byOwner.status()).isEqualTo(204);
        assertThat(byOwner.body()).isEmpty();
        assertThat(byAdmin.status()).isEqualTo(204);
        assertThat(texts(api.get(domains(app), api.owner).json().get("results"), "domain"))
                .doesNotContain(first, second);
    }

    @Test
    void collaboratorsOutsidersAndAnonymousMayNotRemoveADomain() {
        String app = api.app();
        String domain = hostname();
        add(app, api.owner, domain);

        Reply byCollaborator = api.delete(domains(app) + "/" + domain, api.collab);
        assertThat(byCollaborator.status()).isEqualTo(403);
        assertThat(detail(byCollaborator)).isEqualTo("You do not have permission to perform this action.");
        assertThat(api.delete(domains(app) + "/" + domain, api.outsider).status()).isEqualTo(403);
        assertThat(api.delete(domains(app) + "/" + domain, null).status()).isEqualTo(401);
        assertThat(texts(api.get(domains(app), api.owner).json().get("results"), "domain")).contains(domain);
    }

    @Test
    void removingAnUnknownDomainIs404() {
        String app = api.app();

        assertThat(notFoundText(api.delete(domains(app) + "/nowhere.example.com", api.owner)))
                .isEqualTo("No Domain matches the given query.");
        String elsewhere = hostname();
        add(api.app(), api.owner, elsewhere);
        assertThat(notFoundText(api.delete(domains(app) + "/" + elsewhere, api.owner)))
                .isEqualTo("No Domain matches the given query.");
    }

    @Test
    void aDomainOfThousandsOfNonAsciiCharactersIs400ToAddAnd404ToRemove() {
        String app = api.app();
        String huge = "é".repeat(2000);

        assertThat(PlatformFixture.fieldError(add(app, api.owner, huge + ".com"), "domain"))
                .isEqualTo("Hostname does not look valid, could not convert to ACE " + huge + ".com: Label too long");
        String long1001 = URLEncoder.encode("é".repeat(1001), StandardCharsets.UTF_8);
        assertThat(notFoundText(api.delete(domains(app) + "/" + long1001, api.owner)))
                .isEqualTo("No Domain matches the given query.");
        assertThat(api.get(domains(app), api.owner).json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void unicodeDomainsAreStoredInAsciiAndRemovableInEitherForm() {
        String app = api.app();
        String unicode = "домена-" + NEXT.incrementAndGet() + ".ru";

        Reply reply = add(app, api.owner, unicode);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String ascii = reply.json().get("domain").asText();
        assertThat(ascii).startsWith("xn--").endsWith(".ru");
        Reply removed = api.delete(domains(app) + "/" + URLEncoder.encode(unicode, StandardCharsets.UTF_8), api.owner);
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);

        add(app, api.owner, unicode);
        assertThat(api.delete(domains(app) + "/" + ascii, api.owner).status()).isEqualTo(204);
    }

    @Test
    void wildcardDomainsCanBeAddedAndRemoved() {
        String app = api.app();
        String wildcard = "*." + hostname();

        assertThat(add(app, api.owner, wildcard).json().get("domain").asText()).isEqualTo(wildcard);
        assertThat(api.delete(domains(app) + "/" + wildcard, api.owner).status()).isEqualTo(204);
    }

    @Test
    void otherMethodsAre405() {
        String app = api.app();

        assertThat(api.send("PUT", domains(app), api.owner, "{}", "application/json").status()).isEqualTo(405);
        assertThat(api.delete(domains(app), api.owner).status()).isEqualTo(405);
        assertThat(api.get(domains(app) + "/" + app, api.owner).status()).isEqualTo(405);
    }
}
