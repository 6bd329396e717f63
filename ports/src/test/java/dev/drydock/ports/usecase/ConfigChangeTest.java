package dev.drydock.ports.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigChangeTest {
    @Test
    void stepsAddToTheFieldsTheyNameAndLeaveTheOthersUnsent() {
        ConfigChange change = ConfigChange.empty().set("A", "1").unset("B").memory("web", "512M").cpu("web", "500m");

        Map<String, Object> values = new HashMap<>();
        values.put("A", "1");
        values.put("B", null);
        assertThat(change.values()).isEqualTo(values);
        assertThat(change.memory()).isEqualTo(Map.of("web", "512M"));
        assertThat(change.cpu()).isEqualTo(Map.of("web", "500m"));
        assertThat(change.tags()).isNull();
        assertThat(change.registry()).isNull();
        assertThat(change.healthcheck()).isNull();
        assertThat(change.terminationGracePeriod()).isNull();
    }

    @Test
    void everyFieldHasASetAndAnUnsetStep() {
        ConfigChange change = ConfigChange.empty()
                .tag("disk", "ssd").untag("zone")
                .registry("username", "ada").unsetRegistry("password")
                .healthcheck("web", Map.of("livenessProbe", Map.of("tcpSocket", Map.of("port", 5000))))
                .unsetHealthcheck("worker")
                .postStart("web", "echo up").unsetPostStart("worker")
                .preStop("web", "echo down").unsetPreStop("worker")
                .terminationGracePeriod("web", 30).unsetTerminationGracePeriod("worker")
                .unsetMemory("worker").unsetCpu("worker");

        assertThat(change.tags()).containsEntry("disk", "ssd").containsEntry("zone", null);
        assertThat(change.registry()).containsEntry("username", "ada").containsEntry("password", null);
        assertThat(change.healthcheck()).containsKey("web").containsEntry("worker", null);
        assertThat(change.lifecyclePostStart()).containsEntry("web", "echo up").containsEntry("worker", null);
        assertThat(change.lifecyclePreStop()).containsEntry("web", "echo down").containsEntry("worker", null);
        assertThat(change.terminationGracePeriod()).containsEntry("web", "30").containsEntry("worker", null);
        assertThat(change.memory()).containsEntry("worker", null);
        assertThat(change.cpu()).containsEntry("worker", null);
    }

    @Test
    void aStepLeavesTheChangeItStartedFromAsItWas() {
        ConfigChange first = ConfigChange.empty().set("A", "1");
        first.set("B", "2");

        assertThat(first.values()).isEqualTo(Map.of("A", "1"));
        assertThat(ConfigChange.empty().values()).isNull();
    }

    @Test
    void aNullValueIsAMistakeNotAnUnset() {
        assertThatThrownBy(() -> ConfigChange.empty().set("A", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ConfigChange.empty().memory("web", null)).isInstanceOf(NullPointerException.class);
    }
}
