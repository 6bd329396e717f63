package dev.drydock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Settings.RegistrationMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    @Test
    void defaultsToLoopbackPort8000WithRegistrationOpen() {
        ServerConfig config = ServerConfig.from(new String[0], Map.of());
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8000);
        assertThat(config.settings().registrationMode()).isEqualTo(RegistrationMode.ENABLED);
        assertThat(config.settings().builderKey()).isEmpty();
    }

    @Test
    void flagsWinOverTheEnvironment() {
        ServerConfig config = ServerConfig.from(new String[] {"--port", "9001", "--host=0.0.0.0"},
                Map.of("PORT", "7000", "REGISTRATION_MODE", "admin_only",
                        "RESERVED_NAMES", "drycc, drycc-builder ,,grafana", "DRYCC_BUILDER_KEY", "k3y"));
        assertThat(config.port()).isEqualTo(9001);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.settings().registrationMode()).isEqualTo(RegistrationMode.ADMIN_ONLY);
        assertThat(config.settings().reservedNames()).containsExactly("drycc", "drycc-builder", "grafana");
        assertThat(config.settings().builderKey()).contains("k3y");
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--port", "http"}, Map.of()))
                .hasMessageContaining("port must be a number");
        assertThatThrownBy(() -> ServerConfig.from(new String[] {"--bogus"}, Map.of()))
                .hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> ServerConfig.from(new String[0], Map.of("REGISTRATION_MODE", "sometimes")))
                .hasMessageContaining("REGISTRATION_MODE");
    }
}
