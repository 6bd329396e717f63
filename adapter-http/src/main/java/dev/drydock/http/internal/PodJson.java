package dev.drydock.http.internal;

import dev.drydock.ports.model.Pod;
import dev.drydock.ports.model.Timestamps;
import java.util.List;

/** A pod as the API shows it; {@code release} is the version name, such as "v3". */
public record PodJson(String name, String state, String release, String type, String started) {

    public static PodJson of(Pod pod) {
        return new PodJson(pod.name(), pod.state(), pod.release(), pod.type(), Timestamps.format(pod.started()));
    }

    /** A pod list as upstream answers it: a count and the pods, not paginated. */
    public record ListJson(long count, List<PodJson> results) {
        public static ListJson of(List<Pod> pods) {
            return new ListJson(pods.size(), pods.stream().map(PodJson::of).toList());
        }
    }
}
