package dev.drydock.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drydock.core.DrydockCore;
import dev.drydock.core.Settings;
import dev.drydock.http.ApiFixture.Reply;
import dev.drydock.inmemory.InMemoryAppLog;
import dev.drydock.inmemory.InMemoryDeployLock;
import dev.drydock.inmemory.InMemoryTransactions;
import dev.drydock.inmemory.SimulatedScheduler;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import dev.drydock.ports.usecase.Users;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A failure nobody expected is a 500 with an id, never a stack trace. */
class ServerErrorTest {

    /** Users whose every call fails the way a bug would. */
    private static final class BrokenUsers implements Users {
        @Override
        public Page<User> list(Caller caller, PageRequest page) {
            throw new IllegalStateException("boom: internal detail");
        }

        @Override
        public Page<User> admins(Caller caller, PageRequest page) {
            throw new IllegalStateException("boom");
        }

        @Override
        public void grantAdmin(Caller caller, String username) {
            throw new IllegalStateException("boom");
        }

        @Override
        public void revokeAdmin(Caller caller, String username) {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void anUnexpectedErrorIs500WithAnId() {
        DrydockCore core = new DrydockCore(new InMemoryTransactions(), new SimulatedScheduler(Clock.systemUTC()), new InMemoryDeployLock(),
                new InMemoryAppLog(), Clock.systemUTC(), Settings.defaults().withPasswordIterations(1000));
        ApiServices services = new ApiServices(core.accounts(), new BrokenUsers(), core.apps(), core.keys(),
                core.collaborators(), null, null, null, null, null, null, null, null, () -> true);
        String token = core.accounts().login(
                core.accounts().register(java.util.Optional.empty(),
                        new dev.drydock.ports.usecase.Registration("admin", "pw-123456", null, null, null))
                        .username(), "pw-123456");

        try (HttpApi api = HttpApi.start(services, "127.0.0.1", 0)) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Reply reply = ApiFixture.exchange(client, HttpRequest.newBuilder(api.uri().resolve("/v2/users"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "token " + token).build());

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.json().get("detail").asText()).isEqualTo("Server Error");
            // the request's id, as its header and the access log give it
            assertThat(reply.json().get("id").asText()).matches("[0-9a-f]{24}")
                    .isEqualTo(reply.header("X-Request-Id"));
            assertThat(reply.body()).doesNotContain("boom");
            assertThat(reply.header("DRYCC_API_VERSION")).isEqualTo("2.3");

            Reply traced = ApiFixture.exchange(client, HttpRequest.newBuilder(api.uri().resolve("/v2/users"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "token " + token)
                    .header("X-Request-Id", "lb-7f3a-0001").build());
            assertThat(traced.status()).isEqualTo(500);
            assertThat(traced.json().get("id").asText()).isEqualTo("lb-7f3a-0001");
        }
    }
}
