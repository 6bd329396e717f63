package dev.drydock.jdbc;

/** Every storage contract on H2, the standalone server's default store. */
class H2ContractTest extends StoreContracts {
    @Override
    protected JdbcStorage storage() {
        return TestDatabases.h2();
    }
}
