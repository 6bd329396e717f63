package dev.drydock.ports.usecase;

/** The builder's hooks, authenticated by the shared builder key. */
public interface BuilderHooks {
}
