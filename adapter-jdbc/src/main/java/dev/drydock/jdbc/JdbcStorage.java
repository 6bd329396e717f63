package dev.drydock.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import dev.drydock.jdbc.internal.Dialect;
import dev.drydock.jdbc.internal.JdbcAppLog;
import dev.drydock.jdbc.internal.JdbcTransactions;
import dev.drydock.jdbc.internal.Migrations;
import dev.drydock.jdbc.internal.PostgresAuthListener;
import dev.drydock.jdbc.internal.PostgresDeployLock;
import dev.drydock.jdbc.internal.TokenCache;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.DeployLock;
import dev.drydock.ports.spi.Transactions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

/**
 * Drydock's storage in a database: every repository ({@link #transactions()}), the app log and,
 * on PostgreSQL, a deploy lock that reaches every server on the database. H2 in a file is the
 * standalone server's default; PostgreSQL lets several servers share one store.
 *
 * <p>Opening migrates the schema to this version (refusing a database that a newer Drydock wrote)
 * and keeps two pools, for reads and for writes, whose waits for a connection are bounded by
 * {@link Options#connectionTimeout()}: a request that cannot have one in time fails as
 * unavailable. Close it to let the connections go (and, for H2, to close the database file).
 */
public final class JdbcStorage implements AutoCloseable {
    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)([?&;](password|sslpassword)=)[^&;]*");
    // H2 lets two stores of one JVM open one file, as one database: their locks in the JVM would not
    // know of each other, so a directory serves one store at a time here as across processes
    private static final java.util.Set<Path> OPEN_H2_FILES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final String H2_IN_USE = "the H2 database is in use by another process; an H2 data directory "
            + "serves one server (several servers share a PostgreSQL database)";

    private Path h2File;

    private Dialect dialect;
    private final String description;
    private final Source source;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final JdbcTransactions transactions;
    private final JdbcAppLog appLog;
    private final Optional<DeployLock> deployLock;
    private PostgresAuthListener authListener;
    private TokenCache tokenCache;

    /**
     * How the pools behave.
     *
     * @param metrics where each pool reports its connections and waits, named by pool
     *                ({@code drydock-writes}, {@code drydock-reads}, {@code drydock-deploy-locks});
     *                empty for nowhere. HikariCP's own interface, so this module needs no metrics
     *                library: a host hands it, say, {@code MicrometerMetricsTrackerFactory}
     */
    public record Options(int poolSize, Duration connectionTimeout, Optional<MetricsTrackerFactory> metrics) {
        public static final Options DEFAULT = new Options(10, Duration.ofSeconds(3));

        public Options {
            if (poolSize < 1) {
                throw new IllegalArgumentException("a pool needs at least one connection");
            }
            Objects.requireNonNull(connectionTimeout, "connectionTimeout");
            Objects.requireNonNull(metrics, "metrics");
        }

        /** Pools that report to no metrics. */
        public Options(int poolSize, Duration connectionTimeout) {
            this(poolSize, connectionTimeout, Optional.empty());
        }

        /** These options, with the pools reporting to {@code factory}. */
        public Options withMetrics(MetricsTrackerFactory factory) {
            return new Options(poolSize, connectionTimeout, Optional.of(factory));
        }
    }

    private JdbcStorage(Source source, Options options) {
        this.description = source.description();
        this.source = source;
        HikariDataSource writes;
        try {
            writes = pool(source, "drydock-writes", options, false);
        } catch (RuntimeException e) {
            throw new IllegalStateException(cannotConnect(e), e);
        }
        try {
            this.dialect = dialectOf(writes);
            Migrations.migrate(writes, dialect, description);
            HikariDataSource reads = pool(source, "drydock-reads", options, true);
            // work that holds no unit of work joins nothing: rollback or commit is done by hand
            Jdbi readJdbi = jdbi(reads);
            Jdbi writeJdbi = jdbi(writes);
            this.transactions = transactions(source, readJdbi, writeJdbi);
            this.appLog = new JdbcAppLog(transactions);
            if (dialect.shared()) {
                HikariConfig lockConfig = config(source, "drydock-deploy-locks", options);
                // held for a whole rollout each: as many as deploys of different apps may run at once
                lockConfig.setMaximumPoolSize(Math.max(4, options.poolSize() * 2));
                // deploys queue for these in the lock itself; this only bounds opening one, which a
                // burst of deploys does many of at once
                lockConfig.setConnectionTimeout(Math.max(options.connectionTimeout().toMillis(), 10_000));
                lockConfig.setAutoCommit(true);
                lockConfig.setConnectionInitSql(PostgresDeployLock.CONNECTION_SETUP);
                this.deployLock = Optional.of(new PostgresDeployLock(track(new HikariDataSource(lockConfig))));
            } else {
                this.deployLock = Optional.empty();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Units of work, with a cache of token holders where this process hears of every change to
     * users and tokens: an H2 database it alone has open, or PostgreSQL, whose other servers'
     * changes reach it by notification. An embedder's H2 DataSource may be shared with anyone, so
     * it gets none.
     */
    private JdbcTransactions transactions(Source source, Jdbi readJdbi, Jdbi writeJdbi) {
        if (dialect.shared()) {
            TokenCache cache = new TokenCache(false);
            tokenCache = cache;
            authListener = new PostgresAuthListener(() -> source.connect(), cache);
            return JdbcTransactions.cached(readJdbi, writeJdbi, source.flushEachWrite(), cache, true);
        }
        TokenCache cache = source.ownsH2() ? new TokenCache(true) : null;
        tokenCache = cache;
        return JdbcTransactions.cached(readJdbi, writeJdbi, source.flushEachWrite(), cache, false);
    }

    /** The default standalone store: an H2 database in a file under {@code directory}, made if missing. */
    public static JdbcStorage h2(Path directory) {
        return h2(directory, Options.DEFAULT);
    }

    public static JdbcStorage h2(Path directory, Options options) {
        Path file = directory.toAbsolutePath().normalize().resolve("drydock");
        if (!OPEN_H2_FILES.add(file)) {
            throw new IllegalStateException(H2_IN_USE);
        }
        // Each write is flushed to the file (CHECKPOINT) before it is acknowledged, so kill -9 loses
        // no acknowledged write. Not WRITE_DELAY=0 for that: it stops the background thread that
        // compacts the file. H2's retention time is kept (45 s before the space of an old version is
        // reused): with 1 s, kill -9 lost acknowledged writes in 5 of 8 runs of ServerProcessIT,
        // with 0 in 1 of 4. Under a flood of writes the file so holds about 45 s of them (some 30 KB
        // each); at a platform's usual pace that is little. The file belongs to this process until
        // close, not to H2's own shutdown hook.
        String url = "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=30000;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128";
        try {
            JdbcStorage storage = new JdbcStorage(new Source(url, "sa", "", "H2 database in "
                    + directory.toAbsolutePath(), null, true, true), options);
            storage.h2File = file;
            return storage;
        } catch (RuntimeException e) {
            OPEN_H2_FILES.remove(file);
            throw e;
        }
    }

    /** An H2 database in memory, kept until {@link #close}: for tests. */
    public static JdbcStorage h2InMemory(String name) {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000;QUERY_CACHE_SIZE=128";
        // a name of its own: no other store in the JVM opens it
        return new JdbcStorage(new Source(url, "sa", "", "H2 database " + name + " in memory", null, false, true),
                Options.DEFAULT);
    }

    /** The database at a JDBC URL ({@code jdbc:postgresql://...} or {@code jdbc:h2:...}). */
    public static JdbcStorage open(String url, String user, String password, Options options) {
        Objects.requireNonNull(url, "url");
        return new JdbcStorage(new Source(url, user, password, describe(url, user)), options);
    }

    /**
     * The database behind an embedder's {@code DataSource}. Drydock pools its connections itself
     * (and sets their isolation and read-only mode), so a plain, unpooled one is best.
     */
    public static JdbcStorage of(DataSource dataSource, Options options) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new JdbcStorage(new Source(dataSource), options);
    }

    /** Every repository, in units of work. */
    public Transactions transactions() {
        return transactions;
    }

    /** The app event log, kept in the database. */
    public AppLog appLog() {
        return appLog;
    }

    /**
     * A deploy lock that reaches every server on this database, when several may share it
     * (PostgreSQL); empty for H2, whose file one process has, so a lock in that JVM is enough.
     */
    public Optional<DeployLock> deployLock() {
        return deployLock;
    }

    /** Which database, and where, for the log: never a password. */
    public String description() {
        return description;
    }

    /** Whether token holders are being cached now (for tests: on PostgreSQL, once the listener listens). */
    boolean cachesTokens() {
        return tokenCache != null && tokenCache.on();
    }

    /** The database product, e.g. "PostgreSQL" or "H2". */
    public String product() {
        return dialect.productName();
    }

    @Override
    public void close() {
        if (authListener != null) {
            authListener.close();
            authListener = null;
        }
        boolean open = !pools.isEmpty();
        for (int i = pools.size() - 1; i >= 0; i--) {
            pools.get(i).close();
        }
        pools.clear();
        if (open && source.ownsH2() && source.url().startsWith("jdbc:h2:mem:")) {
            // an H2 file closes with its last connection, but an in-memory database is kept for the
            // JVM's life unless shut down: on a connection outside the pools, which are closed by
            // now (a pooled one would be rolled back by its pool after the database was gone)
            try (Connection connection = source.connect(); var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException | RuntimeException alreadyGone) {
                // closing is all that is left to do
            }
        }
        if (h2File != null) {
            OPEN_H2_FILES.remove(h2File);
            h2File = null;
        }
    }

    private HikariDataSource track(HikariDataSource pool) {
        pools.add(pool);
        return pool;
    }

    private HikariDataSource pool(Source source, String name, Options options, boolean reads) {
        HikariConfig config = config(source, name, options);
        config.setAutoCommit(false);
        if (reads) {
            config.setReadOnly(true);
            // one snapshot per read: on H2 too, whose REPEATABLE READ sees no row committed after it began
            config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        } else {
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        return track(new HikariDataSource(config));
    }

    private static HikariConfig config(Source source, String name, Options options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        if (source.dataSource() != null) {
            config.setDataSource(source.dataSource());
        } else {
            config.setJdbcUrl(source.url());
            config.setUsername(source.user());
            config.setPassword(source.password());
        }
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(Math.min(2, options.poolSize()));
        config.setConnectionTimeout(Math.max(250, options.connectionTimeout().toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(options.connectionTimeout().toMillis(), 5_000)));
        options.metrics().ifPresent(config::setMetricsTrackerFactory);
        return config;
    }

    private static Jdbi jdbi(DataSource pool) {
        Jdbi jdbi = Jdbi.create(pool);
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        return jdbi;
    }

    private static Dialect dialectOf(DataSource pool) {
        try (Connection connection = pool.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return Dialect.of(meta.getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read which database this is: " + e.getMessage(), e);
        }
    }

    private static String cannotConnect(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if (sql.getErrorCode() == 90020) {
                    return H2_IN_USE;
                }
                return "cannot connect to the database: " + sql.getMessage();
            }
        }
        return "cannot connect to the database: " + e.getMessage();
    }

    private static String describe(String url, String user) {
        String safe = SECRET_PARAMETER.matcher(url).replaceAll("$1***");
        return safe + (user == null || user.isEmpty() ? "" : " as " + user);
    }

    /**
     * Where connections come from: a URL and credentials, or an embedder's DataSource.
     *
     * @param flushEachWrite an H2 file that this class opened, which must be told to write each
     *                       commit to the file before the commit is acknowledged
     * @param ownsH2         an H2 database that no other process or store opens while this one has it
     */
    private record Source(String url, String user, String password, String description, DataSource dataSource,
                          boolean flushEachWrite, boolean ownsH2) {
        Source(String url, String user, String password, String description) {
            this(url, user, password, description, null, false, false);
        }

        /** A connection of its own, outside the pools. */
        Connection connect() throws SQLException {
            return dataSource != null ? dataSource.getConnection()
                    : java.sql.DriverManager.getConnection(url, user, password);
        }

        Source(DataSource dataSource) {
            this(null, null, null, "the embedder's DataSource " + dataSource.getClass().getName(), dataSource, false, false);
        }
    }
}
