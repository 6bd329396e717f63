package dev.drydock.ports.spi;

/**
 * What a scheduler declares about itself, so the core and the start-up log can be honest.
 *
 * @param name         a short name for logs ("simulated", "kubernetes")
 * @param runsWorkloads whether processes really run (a simulation only keeps records)
 */
public record SchedulerCapabilities(String name, boolean runsWorkloads) {
}
