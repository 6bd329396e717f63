/**
 * Every driven port in memory: {@link dev.drydock.inmemory.InMemoryTransactions} (all
 * repositories), {@link dev.drydock.inmemory.InMemoryAppLog} and
 * {@link dev.drydock.inmemory.SimulatedScheduler}. Used by service tests, the test harness and
 * embedders who need no database and no cluster.
 */
package dev.drydock.inmemory;
