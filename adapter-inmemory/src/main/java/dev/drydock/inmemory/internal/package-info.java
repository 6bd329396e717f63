/**
 * Implementation of the in-memory store: the tables, their indexes, the undo log and the
 * repositories over them. Not part of the public API; use {@link dev.drydock.inmemory.InMemoryTransactions}.
 */
package dev.drydock.inmemory.internal;
