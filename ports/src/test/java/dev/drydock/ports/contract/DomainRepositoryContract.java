package dev.drydock.ports.contract;

import static dev.drydock.ports.contract.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.ConflictException;
import dev.drydock.ports.error.NotFoundException;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;
import dev.drydock.ports.model.User;
import dev.drydock.ports.spi.Store;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.drydock.ports.spi.DomainRepository}. */
public abstract class DomainRepositoryContract extends StoreContract {

    private static String host(String label) {
        return unique(label) + ".example.com";
    }

    @Test
    void aStoredDomainIsFoundByName() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Domain domain = Fixtures.domain(host("www"), app.id(), owner.username());
        write(s -> s.domains().insert(domain));

        assertThat(read((Store s) -> s.domains().find(domain.domain()))).contains(domain);
        assertThat(read((Store s) -> s.domains().find(host("www")))).isEmpty();
    }

    @Test
    void aDomainBelongsToOneAppAcrossThePlatform() {
        User owner = storedUser();
        User other = storedUser();
        App app = storedApp(owner.username());
        App rival = storedApp(other.username());
        Domain domain = Fixtures.domain(host("taken"), app.id(), owner.username());
        write(s -> s.domains().insert(domain));

        assertThatThrownBy(() -> write(s -> s.domains().insert(
                Fixtures.domain(domain.domain(), rival.id(), other.username())))).isInstanceOf(ConflictException.class)
                .hasMessage("Domain is already in use by another application");
        assertThatThrownBy(() -> write(s -> s.domains().insert(
                Fixtures.domain(domain.domain(), app.id(), owner.username())))).isInstanceOf(ConflictException.class);
        assertThat(read((Store s) -> s.domains().find(domain.domain()))).contains(domain);
        assertThat(read((Store s) -> s.domains().list(rival.id(), PageRequest.ALL)).count()).isZero();
    }

    @Test
    void namesAreTheSameWhateverTheirCase() {
        User owner = storedUser();
        User other = storedUser();
        App app = storedApp(owner.username());
        App rival = storedApp(other.username());
        String stem = unique("case");
        Domain domain = Fixtures.domain("Shop." + stem + ".Example.com", app.id(), owner.username());
        write(s -> s.domains().insert(domain));

        assertThat(read((Store s) -> s.domains().find("shop." + stem + ".example.COM")))
                .as("found by any case, kept as typed").contains(domain);
        assertThatThrownBy(() -> write(s -> s.domains().insert(Fixtures.domain(
                "SHOP." + stem.toUpperCase(Locale.ROOT) + ".EXAMPLE.COM", rival.id(), other.username()))))
                .isInstanceOf(ConflictException.class);
        assertThat(read((Store s) -> s.domains().list(rival.id(), PageRequest.ALL)).count()).isZero();

        assertThat(tx.write((Store s) -> s.domains().delete("shop." + stem + ".example.com"))).isTrue();
        assertThat(read((Store s) -> s.domains().find(domain.domain()))).isEmpty();
        Domain lower = Fixtures.domain("shop." + stem + ".example.com", rival.id(), other.username());
        write(s -> s.domains().insert(lower));
        assertThat(read((Store s) -> s.domains().find(domain.domain()))).contains(lower);
    }

    @Test
    void listsOrderByNameWithoutRegardToCase() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Certificate cert = Fixtures.certificate(unique("cert"), owner.username());
        String stem = unique("order");
        Domain b = Fixtures.domain("B." + stem + ".example.com", app.id(), owner.username())
                .withCertificate(cert.name(), Fixtures.now());
        Domain a = Fixtures.domain("a." + stem + ".example.com", app.id(), owner.username())
                .withCertificate(cert.name(), Fixtures.now());
        Domain c = Fixtures.domain("C." + stem + ".example.com", app.id(), owner.username())
                .withCertificate(cert.name(), Fixtures.now());
        write(s -> {
            s.certificates().insert(cert);
            s.domains().insert(b);
            s.domains().insert(c);
            s.domains().insert(a);
        });

        assertThat(read((Store s) -> s.domains().list(app.id(), PageRequest.ALL)).results()).containsExactly(a, b, c);
        assertThat(read((Store s) -> s.domains().withCertificate(cert.name()))).containsExactly(a, b, c);
    }

    @Test
    void listIsOrderedByNameAndPaged() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        App other = storedApp(owner.username());
        String stem = unique("list");
        Domain b = Fixtures.domain("b." + stem + ".example.com", app.id(), owner.username());
        Domain c = Fixtures.domain("c." + stem + ".example.com", app.id(), owner.username());
        Domain a = Fixtures.domain("a." + stem + ".example.com", app.id(), owner.username());
        write(s -> {
            s.domains().insert(b);
            s.domains().insert(c);
            s.domains().insert(a);
            s.domains().insert(Fixtures.domain(host("other"), other.id(), owner.username()));
        });

        assertThat(read((Store s) -> s.domains().list(app.id(), PageRequest.ALL)).results()).containsExactly(a, b, c);
        Page<Domain> page = read((Store s) -> s.domains().list(app.id(), new PageRequest(1, 1)));
        assertThat(page.results()).containsExactly(b);
        assertThat(page.count()).isEqualTo(3);
    }

    @Test
    void updateAttachesAndDetachesACertificate() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Certificate cert = Fixtures.certificate(unique("cert"), owner.username());
        Domain z = Fixtures.domain("z-" + host("www"), app.id(), owner.username());
        Domain a = Fixtures.domain("a-" + host("www"), app.id(), owner.username());
        write(s -> {
            s.certificates().insert(cert);
            s.domains().insert(z);
            s.domains().insert(a);
        });
        assertThat(read((Store s) -> s.domains().withCertificate(cert.name()))).isEmpty();

        Domain zWith = z.withCertificate(cert.name(), Fixtures.now());
        Domain aWith = a.withCertificate(cert.name(), Fixtures.now());
        write(s -> {
            s.domains().update(zWith);
            s.domains().update(aWith);
        });
        assertThat(read((Store s) -> s.domains().find(z.domain()))).contains(zWith);
        assertThat(read((Store s) -> s.domains().withCertificate(cert.name()))).containsExactly(aWith, zWith);

        Domain zWithout = zWith.withCertificate(null, Fixtures.now());
        write(s -> s.domains().update(zWithout));
        assertThat(read((Store s) -> s.domains().withCertificate(cert.name()))).containsExactly(aWith);
        assertThat(read((Store s) -> s.domains().find(z.domain()))).contains(zWithout);
    }

    @Test
    void updatingAMissingDomainIsNotFound() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        Domain ghost = Fixtures.domain(host("ghost"), app.id(), owner.username());

        assertThatThrownBy(() -> write(s -> s.domains().update(ghost))).isInstanceOf(NotFoundException.class);
        assertThat(read((Store s) -> s.domains().find(ghost.domain()))).isEmpty();
    }

    @Test
    void deleteRemovesTheDomainAndFreesItsName() {
        User owner = storedUser();
        App app = storedApp(owner.username());
        App next = storedApp(owner.username());
        Certificate cert = Fixtures.certificate(unique("cert"), owner.username());
        String name = host("gone");
        write(s -> {
            s.certificates().insert(cert);
            s.domains().insert(Fixtures.domain(name, app.id(), owner.username())
                    .withCertificate(cert.name(), Fixtures.now()));
        });

        assertThat(tx.write((Store s) -> s.domains().delete(name))).isTrue();
        assertThat(tx.write((Store s) -> s.domains().delete(name))).isFalse();
        assertThat(read((Store s) -> s.domains().find(name))).isEmpty();
        assertThat(read((Store s) -> s.domains().list(app.id(), PageRequest.ALL)).count()).isZero();
        assertThat(read((Store s) -> s.domains().withCertificate(cert.name()))).isEmpty();

        Domain moved = Fixtures.domain(name, next.id(), owner.username());
        write(s -> s.domains().insert(moved));
        assertThat(read((Store s) -> s.domains().find(name))).contains(moved);
    }
}
