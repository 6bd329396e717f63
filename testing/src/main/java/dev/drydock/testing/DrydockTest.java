package dev.drydock.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class with {@link DrydockExtension}: a {@link DrydockHarness} per class (or per
 * test), and its URI, admin and cluster as parameters. {@code @ExtendWith(DrydockExtension.class)}
 * alone is the same as {@code @DrydockTest} with its defaults.
 *
 * <pre>{@code
 * @DrydockTest(reset = true)
 * class ClientTest {
 *     @Test
 *     void createsAnApp(URI api, DrydockAdmin admin, SimulatedCluster cluster) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DrydockExtension.class)
public @interface DrydockTest {
    /** How long one harness lives. */
    enum Lifecycle {
        /** One harness for all tests of the class (and of its {@code @Nested} classes); the URI stays the same. */
        PER_CLASS,
        /** A new harness, on a new port, for every test. */
        PER_TEST
    }

    /** How long one harness lives; {@link Lifecycle#PER_CLASS} unless chosen. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /**
     * Whether each test starts on an empty core: before every test the harness is
     * {@linkplain DrydockHarness#reset() reset} (same URI) and a new admin registered, so what an
     * earlier test or a {@code @BeforeAll} made is gone. Set up shared state in {@code @BeforeEach}.
     * Tests of one class must then not run concurrently. A new harness per test starts empty anyway.
     */
    boolean reset() default false;
}
