package dev.drydock.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hexagon's rules that Maven alone cannot hold. */
class DependencyRuleTest {
    private static final String[] FRAMEWORKS = {
        "jakarta.ws.rs..", "jakarta.inject..", "org.glassfish..", "org.jdbi..", "io.kubernetes..",
        "com.google.inject..", "com.fasterxml.jackson..", "org.slf4j.."
    };
    private static final String[] ADAPTERS = {"dev.drydock.inmemory..", "dev.drydock.http..", "dev.drydock.jdbc..",
        "dev.drydock.k8s.."};
    /** The modules that wire the hexagon together, from the embedding API outwards. */
    private static final String[] ENTRY_POINTS = {"dev.drydock.embedded..", "dev.drydock.testing..",
        "dev.drydock.server.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // test-jars (the ports' contracts) are test code too, but packaged: DO_NOT_INCLUDE_TESTS sees only folders
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.drydock");
        // the rules below would pass vacuously if the modules were not on the class path
        for (String name : new String[] {"dev.drydock.ports.spi.Scheduler", "dev.drydock.core.DrydockCore",
            "dev.drydock.inmemory.SimulatedScheduler", "dev.drydock.http.HttpApi", "dev.drydock.jdbc.JdbcStorage",
            "dev.drydock.k8s.KubernetesScheduler", "dev.drydock.embedded.Drydock",
            "dev.drydock.testing.DrydockHarness", "dev.drydock.server.Main"}) {
            org.assertj.core.api.Assertions.assertThat(classes.contain(name)).as(name).isTrue();
        }
    }

    @Test
    void portsDependOnTheJdkOnly() {
        noClasses().that().resideInAPackage("dev.drydock.ports..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.drydock.ports..", "java..")
                .check(classes);
    }

    @Test
    void coreKnowsNoFrameworkAndNoAdapter() {
        noClasses().that().resideInAPackage("dev.drydock.core..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .orShould().dependOnClassesThat().resideInAnyPackage(ENTRY_POINTS)
                .check(classes);
    }

    @Test
    void adaptersKnowPortsButNotTheCoreOrEachOther() {
        for (String adapter : ADAPTERS) {
            String[] others = java.util.Arrays.stream(ADAPTERS).filter(a -> !a.equals(adapter))
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage("dev.drydock.core..")
                    .orShould().dependOnClassesThat().resideInAnyPackage(ENTRY_POINTS)
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    // embedders choose their own metrics library; the published modules offer hooks instead
    @Test
    void onlyTheServerUsesMicrometer() {
        noClasses().that().resideOutsideOfPackage("dev.drydock.server..")
                .should().dependOnClassesThat().resideInAPackage("io.micrometer..")
                .check(classes);
    }

    @Test
    void onlyTheEmbeddingApiUsesGuice() {
        noClasses().that().resideOutsideOfPackage("dev.drydock.embedded..")
                .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
                .check(classes);
    }

    // drydock-embedded's pom keeps these jars away from an embedder; this keeps the code from wanting them
    @Test
    void theEmbeddingApiNeedsNoHttpNoClusterAndNoLoggingBackend() {
        noClasses().that().resideInAPackage("dev.drydock.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.drydock.http..", "dev.drydock.k8s..",
                        "dev.drydock.testing..", "dev.drydock.server..", "org.glassfish..", "jakarta.ws.rs..",
                        "io.kubernetes..", "org.slf4j.simple..")
                .check(classes);
    }

    @Test
    void theHarnessNeedsNoClusterAndNotTheServer() {
        noClasses().that().resideInAPackage("dev.drydock.testing..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.drydock.k8s..", "dev.drydock.server..",
                        "io.kubernetes..")
                .check(classes);
    }
}
