package dev.drydock.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.core.Settings;
import dev.drydock.ports.error.InvalidException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.usecase.BuildRequest;
import dev.drydock.ports.usecase.Registration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DrydockTest {
    @Test
    void anEmbedderGetsAWorkingCoreWithoutHttp() {
        Drydock drydock = Drydock.inMemory().build();
        drydock.accounts().register(Optional.empty(), new Registration("root", "a-long-password", null, null, null));
        Caller root = drydock.accounts().authenticate(drydock.accounts().login("root", "a-long-password"));
        assertThat(drydock.accounts().whoami(root).superuser()).isTrue();
        assertThat(drydock.apps().create(root, Optional.empty()).id()).matches("[a-z]+-[a-z]+");
    }

    @Test
    void anEmbedderSetsTheLimitsThroughTheSettings() {
        Settings settings = Settings.defaults().withPasswordIterations(1000)
                .withLimits(Settings.Limits.defaults().withProcessesPerType(2));
        Drydock drydock = Drydock.inMemory().settings(settings).build();
        drydock.accounts().register(Optional.empty(), new Registration("root", "a-long-password", null, null, null));
        Caller root = drydock.accounts().authenticate(drydock.accounts().login("root", "a-long-password"));
        drydock.apps().create(root, Optional.of("batch"));
        drydock.builds().create(root, "batch", BuildRequest.image("example/batch:1").procfile(Map.of("worker", "run")));

        assertThatThrownBy(() -> drydock.processes().scale(root, "batch", Map.of("worker", 3)))
                .isInstanceOf(InvalidException.class)
                .hasMessage("Invalid scaling format: ['Ensure this value is less than or equal to 2.']");
        assertThat(drydock.scheduler().running("batch")).doesNotContainKey("worker");
    }

    @Test
    void anEmbedderActsAsAUserByNameAndOnlyAsOneThatExists() {
        Drydock drydock = Drydock.inMemory().settings(Settings.defaults().withPasswordIterations(1000)).build();
        drydock.accounts().register(Optional.empty(), new Registration("root", "a-long-password", null, null, null));
        drydock.accounts().register(Optional.empty(), new Registration("ada", "a-long-password", null, null, null));

        Caller ada = drydock.as("ada");

        assertThat(drydock.apps().create(ada, Optional.of("ada-shop")).owner()).isEqualTo("ada");
        assertThat(drydock.accounts().whoami(ada).superuser()).isFalse();
        assertThatThrownBy(() -> drydock.as("nobody"))
                .isInstanceOf(dev.drydock.ports.error.NotFoundException.class);
    }
}
