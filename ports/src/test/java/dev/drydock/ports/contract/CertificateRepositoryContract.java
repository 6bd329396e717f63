package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.drydock.ports.spi.CertificateRepository}. */
public abstract class CertificateRepositoryContract extends StoreContract {

    @Test
    void insertAssignsIncreasingIdsAndTheCertificateComesBackWhole() {
        User owner = storedUser();
        Certificate first = Fixtures.certificate(unique("one"), owner.username());
        Certificate second = Fixtures.certificate(unique("two"), owner.username());

        Certificate storedFirst = tx.write((Store s) -> s.certificates().insert(first));
        Certificate storedSecond = tx.write((Store s) -> s.certificates().insert(second));

        assertThat(storedFirst.id()).isPositive();
        assertThat(storedSecond.id()).isGreaterThan(storedFirst.id());
        assertThat(storedFirst).isEqualTo(first.withId(storedFirst.id()));
        assertThat(read((Store s) -> s.certificates().find(first.name()))).contains(storedFirst);
        assertThat(read((Store s) -> s.certificates().find(second.name()))).contains(storedSecond);
        assertThat(read((Store s) -> s.certificates().find(unique("none")))).isEmpty();
    }

    @Test
    void lockGivesTheCertificateInsideAWrite() {
        User owner = storedUser();
        Certificate stored = tx.write((Store s) -> s.certificates().insert(Fixtures.certificate(unique("cert"),
                owner.username())));

        assertThat(tx.write((Store s) -> s.certificates().lock(stored.name()))).contains(stored);
        assertThat(tx.write((Store s) -> s.certificates().lock(unique("cert")))).isEmpty();
        assertThatThrownBy(() -> read((Store s) -> s.certificates().lock(stored.name())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTakenNameConflicts() {
        User owner = storedUser();
        User other = storedUser();
        Certificate cert = Fixtures.certificate(unique("dup"), owner.username());
        Certificate stored = tx.write((Store s) -> s.certificates().insert(cert));

        assertThatThrownBy(() -> write(s -> s.certificates().insert(
                Fixtures.certificate(cert.name(), other.username())))).isInstanceOf(ConflictException.class)
                .hasMessage("certificate with this name already exists.");
        assertThat(read((Store s) -> s.certificates().find(cert.name()))).contains(stored);
        assertThat(read((Store s) -> s.certificates().anyOwnedBy(other.username()))).isFalse();
    }

    @Test
    void listByOwnerIsOrderedByNameAndPaged() {
        User owner = storedUser();
        User other = storedUser();
        String stem = unique("list");
        Certificate c = tx.write((Store s) -> s.certificates().insert(Fixtures.certificate(stem + "-c", owner.username())));
        Certificate a = tx.write((Store s) -> s.certificates().insert(Fixtures.certificate(stem + "-a", owner.username())));
        Certificate b = tx.write((Store s) -> s.certificates().insert(Fixtures.certificate(stem + "-b", owner.username())));
        write(s -> s.certificates().insert(Fixtures.certificate(unique("theirs"), other.username())));

        assertThat(read((Store s) -> s.certificates().listByOwner(owner.username(), PageRequest.ALL)).results())
                .containsExactly(a, b, c);
        Page<Certificate> page = read((Store s) -> s.certificates().listByOwner(owner.username(), new PageRequest(2, 1)));
        assertThat(page.results()).containsExactly(b, c);
        assertThat(page.count()).isEqualTo(3);
        assertThat(read((Store s) -> s.certificates().listByOwner(unique("nobody"), PageRequest.ALL)).count()).isZero();
    }

    @Test
    void anyOwnedByFollowsInsertAndDelete() {
        User owner = storedUser();
        assertThat(read((Store s) -> s.certificates().anyOwnedBy(owner.username()))).isFalse();

        Certificate cert = Fixtures.certificate(unique("mine"), owner.username());
        write(s -> s.certificates().insert(cert));
        assertThat(read((Store s) -> s.certificates().anyOwnedBy(owner.username()))).isTrue();

        write(s -> s.certificates().delete(cert.name()));
        assertThat(read((Store s) -> s.certificates().anyOwnedBy(owner.username()))).isFalse();
    }

    @Test
    void deleteRemovesTheCertificateAndDetachesItsDomains() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Certificate cert = Fixtures.certificate(unique("gone"), owner.username());
        String host = unique("www") + ".example.com";
        write(s -> {
            s.certificates().insert(cert);
            s.domains().insert(Fixtures.domain(host, app.id(), owner.username()).withCertificate(cert.name(),
                    Fixtures.now()));
        });

        assertThat(tx.write((Store s) -> s.certificates().delete(cert.name()))).isTrue();
        assertThat(tx.write((Store s) -> s.certificates().delete(cert.name()))).isFalse();

        assertThat(read((Store s) -> s.certificates().find(cert.name()))).isEmpty();
        Domain domain = read((Store s) -> s.domains().find(host)).orElseThrow();
        assertThat(domain.certificate()).isNull();
        assertThat(read((Store s) -> s.domains().withCertificate(cert.name()))).isEmpty();
    }
}
