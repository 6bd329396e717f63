/**
 * The Guice wiring behind {@link dev.drydock.embedded.Drydock}: not an API, it changes without notice.
 */
package dev.drydock.embedded.internal;
