package dev.drydock.jdbc.internal;

import java.util.Locale;

/** What differs between the databases Drydock runs on; everything else is the same SQL. */
public enum Dialect {
    H2("H2", "VARCHAR"),
    POSTGRESQL("PostgreSQL", "VARCHAR COLLATE \"C\"");

    private final String productName;
    private final String nameType;

    Dialect(String productName, String nameType) {
        this.productName = productName;
        this.nameType = nameType;
    }

    /** The dialect of a database, from the product name its driver reports. */
    public static Dialect of(String databaseProductName) {
        String name = databaseProductName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Drydock stores its data in H2 or PostgreSQL, not in " + databaseProductName);
    }

    public String productName() {
        return productName;
    }

    /** The column type of text that rows are ordered or looked up by (the migrations' "name" placeholder). */
    public String nameType() {
        return nameType;
    }

    /**
     * Whether several processes may share the database. H2 in a file belongs to one process, so a
     * lock within the JVM is enough for it.
     */
    public boolean shared() {
        return this == POSTGRESQL;
    }
}
