package dev.drydock.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildRequestTest {
    @Test
    void anImageAloneLeavesTheRestUnsent() {
        assertThat(BuildRequest.image("example/shop:1")).isEqualTo(new BuildRequest("example/shop:1", null, null, null));
    }

    @Test
    void stepsSetTheShaTheProcfileAndTheDockerfile() {
        BuildRequest request = BuildRequest.image("example/shop:1").sha("c0ffee")
                .procfile(Map.of("web", "shop serve")).dockerfile("FROM scratch");

        assertThat(request.image()).isEqualTo("example/shop:1");
        assertThat(request.sha()).isEqualTo("c0ffee");
        assertThat(request.procfile()).isEqualTo(Map.of("web", "shop serve"));
        assertThat(request.dockerfile()).isEqualTo("FROM scratch");
    }
}
