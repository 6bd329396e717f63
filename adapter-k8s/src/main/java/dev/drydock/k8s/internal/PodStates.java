package dev.drydock.k8s.internal;

import dev.drydock.ports.model.Pod;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Kubernetes pod as the API shows it: upstream's names for its states (behaviour.md §8.2). */
public final class PodStates {
    private PodStates() {
    }

    /** The pod as the API lists it; its type and release come from its labels. */
    public static Pod pod(V1Pod pod) {
        Map<String, String> labels = Optional.ofNullable(pod.getMetadata().getLabels()).orElse(Map.of());
        OffsetDateTime started = Optional.ofNullable(pod.getStatus()).map(V1PodStatus::getStartTime)
                .orElse(pod.getMetadata().getCreationTimestamp());
        return new Pod(pod.getMetadata().getName(), labels.getOrDefault("type", ""),
                labels.getOrDefault("version", ""), state(pod),
                started == null ? Instant.EPOCH : started.toInstant());
    }

    /**
     * Why a container of the pod waits ({@code ErrImagePull}, {@code CrashLoopBackOff}, ...), in
     * any phase: a crash-looping pod is Running, so its state alone does not tell.
     */
    public static Optional<String> waitingReason(V1Pod pod) {
        return Optional.ofNullable(pod.getStatus()).map(V1PodStatus::getContainerStatuses).orElse(List.of()).stream()
                .map(c -> c.getState() == null || c.getState().getWaiting() == null ? null
                        : c.getState().getWaiting().getReason())
                .filter(reason -> reason != null && !reason.isEmpty())
                .findFirst();
    }

    /** The message Kubernetes gave with the first waiting reason, e.g. why an image cannot be pulled. */
    public static Optional<String> waitingMessage(V1Pod pod) {
        return Optional.ofNullable(pod.getStatus()).map(V1PodStatus::getContainerStatuses).orElse(List.of()).stream()
                .filter(c -> c.getState() != null && c.getState().getWaiting() != null
                        && c.getState().getWaiting().getReason() != null
                        && !c.getState().getWaiting().getReason().isEmpty())
                .findFirst()
                .map(c -> c.getState().getWaiting().getMessage())
                .filter(message -> !message.isBlank());
    }

    /**
     * {@code initializing} (Pending), {@code creating} (ContainerCreating), {@code starting}
     * (running, not ready), {@code up} (running and ready), {@code terminating} (deleted, or its
     * container ended), {@code down} (Succeeded), {@code crashed} (Failed), {@code error}
     * (Unknown); a pending pod's own waiting reason, such as {@code ErrImagePull}, as it is.
     */
    public static String state(V1Pod pod) {
        if (pod.getMetadata() != null && pod.getMetadata().getDeletionTimestamp() != null) {
            return "terminating";
        }
        V1PodStatus status = pod.getStatus();
        // a pod just made may have no status yet: the scheduler has not looked at it, so it is pending
        String phase = status == null || status.getPhase() == null ? "Pending" : status.getPhase();
        List<V1ContainerStatus> containers = status == null || status.getContainerStatuses() == null
                ? List.of() : status.getContainerStatuses();
        return switch (phase) {
            case "Pending" -> containers.stream()
                    .map(c -> c.getState() == null || c.getState().getWaiting() == null ? null
                            : c.getState().getWaiting().getReason())
                    .filter(reason -> reason != null && !reason.isEmpty())
                    .findFirst()
                    .map(reason -> reason.equals("ContainerCreating") ? "creating" : reason)
                    .orElse("initializing");
            case "Running" -> {
                if (containers.stream().anyMatch(c -> c.getState() != null && c.getState().getTerminated() != null)) {
                    yield "terminating";
                }
                boolean containersReady = !containers.isEmpty()
                        && containers.stream().allMatch(c -> Boolean.TRUE.equals(c.getReady()));
                boolean podReady = status.getConditions() != null && status.getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
                yield containersReady && podReady ? "up" : "starting";
            }
            case "Succeeded" -> "down";
            case "Failed" -> "crashed";
            default -> "error";
        };
    }
}
