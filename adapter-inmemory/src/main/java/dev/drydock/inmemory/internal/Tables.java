package dev.drydock.inmemory.internal;

import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Build;
import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Config;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Key;
import dev.drydock.ports.model.Release;
import dev.drydock.ports.model.Tls;
import dev.drydock.ports.model.User;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every table and index of the in-memory store. Plain collections: the lock in
 * {@code InMemoryTransactions} lets one writer or many readers in at a time.
 */
public final class Tables {
    /** Hands out row sequence numbers (join order, insertion order); like a database sequence it is not rolled back. */
    final AtomicLong sequence = new AtomicLong();
    final AtomicLong certificateIds = new AtomicLong();

    record UserRow(long seq, User user) {
    }

    final Map<String, UserRow> users = new HashMap<>();
    final NavigableMap<Long, User> usersByJoin = new TreeMap<>();
    final NavigableMap<Long, User> activeSuperusersByJoin = new TreeMap<>();

    final Map<String, String> tokenOwners = new HashMap<>();
    final Map<String, NavigableSet<String>> tokensByUser = new HashMap<>();

    final NavigableMap<String, App> apps = new TreeMap<>();
    final Map<String, NavigableSet<String>> appsByOwner = new HashMap<>();

    final Map<String, NavigableSet<String>> grantsByApp = new HashMap<>();
    final Map<String, NavigableSet<String>> grantsByUser = new HashMap<>();

    final Map<String, Key> keys = new HashMap<>();
    final Map<String, String> keyIdsByPublic = new HashMap<>();
    /** fingerprint -> public text -> key id */
    final Map<String, NavigableMap<String, String>> keysByFingerprint = new HashMap<>();
    /** owner -> public text -> key */
    final Map<String, NavigableMap<String, Key>> keysByOwner = new HashMap<>();

    final Map<UUID, Config> configs = new HashMap<>();
    final Map<String, NavigableMap<Long, Config>> configsByApp = new HashMap<>();

    final Map<UUID, Build> builds = new HashMap<>();
    final Map<String, NavigableMap<Long, Build>> buildsByApp = new HashMap<>();

    final Map<String, NavigableMap<Integer, Release>> releasesByApp = new HashMap<>();

    final Map<String, Domain> domains = new HashMap<>();
    final Map<String, NavigableSet<String>> domainsByApp = new HashMap<>();
    final Map<String, NavigableSet<String>> domainsByCertificate = new HashMap<>();

    final Map<String, Certificate> certificates = new HashMap<>();
    final Map<String, NavigableSet<String>> certificatesByOwner = new HashMap<>();

    final Map<UUID, Tls> tlsRows = new HashMap<>();
    final Map<String, NavigableMap<Long, Tls>> tlsByApp = new HashMap<>();

    long next() {
        return sequence.incrementAndGet();
    }
}
