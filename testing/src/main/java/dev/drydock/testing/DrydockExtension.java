package dev.drydock.testing;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit 5 (5.10 and later) and JUnit 6 extension that runs each test class against a
 * {@link DrydockHarness} on an in-memory core, with one superuser already registered. Use it as
 * {@code @ExtendWith(DrydockExtension.class)}, or as {@link DrydockTest @DrydockTest} to choose a
 * harness per test or a reset before each test.
 *
 * <p>Test methods, lifecycle methods and constructors may take these parameters:
 * <ul>
 *   <li>{@link DrydockHarness}: the harness;</li>
 *   <li>{@link URI}: its base address, such as {@code http://127.0.0.1:41234/} (every {@code URI}
 *       parameter is taken to mean it);</li>
 *   <li>{@link DrydockAdmin}: the superuser {@value DrydockAdmin#USERNAME} and a token of its;</li>
 *   <li>{@link SimulatedCluster}: what the cluster was asked to do, and its fault hooks.</li>
 * </ul>
 * With a harness per test, they are there only for test methods and {@code @BeforeEach} and
 * {@code @AfterEach} methods. After a {@linkplain DrydockTest#reset reset} the admin has a new
 * token: take it as a parameter of the test, not of {@code @BeforeAll}.
 *
 * <p>The harness is closed after the last test of its class (or after its test). It leaves
 * nothing for JUnit to close, so it works the same whether the JUnit in use closes
 * {@code AutoCloseable} store values (6) or only {@code CloseableResource} ones (5).
 */
public final class DrydockExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DrydockExtension.class);
    private static final String PER_CLASS = "class";
    private static final String PER_TEST = "test";
    private static final Set<Class<?>> INJECTED =
            Set.of(DrydockHarness.class, URI.class, DrydockAdmin.class, SimulatedCluster.class);
    private static final DrydockTest DEFAULTS = Defaults.class.getAnnotation(DrydockTest.class);

    @DrydockTest
    private static final class Defaults {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // a @Nested class runs on its outer class's harness: the store answers from its parents too
        if (settings(context).lifecycle() == DrydockTest.Lifecycle.PER_CLASS
                && context.getStore(NAMESPACE).get(PER_CLASS, Session.class) == null) {
            context.getStore(NAMESPACE).put(PER_CLASS, Session.start());
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (settings(context).lifecycle() == DrydockTest.Lifecycle.PER_TEST) {
            context.getStore(NAMESPACE).put(PER_TEST, Session.start());
        } else if (settings(context).reset()) {
            session(context).reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close(context.getStore(NAMESPACE).remove(PER_TEST, Session.class));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // only this class's own session: remove does not reach into an outer class's store
        close(context.getStore(NAMESPACE).remove(PER_CLASS, Session.class));
    }

    private static void close(Session session) {
        if (session != null) {
            session.harness().close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Session session = session(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == DrydockHarness.class) {
            return session.harness();
        } else if (type == URI.class) {
            return session.harness().uri();
        } else if (type == DrydockAdmin.class) {
            return session.admin();
        }
        return session.harness().cluster();
    }

    private static Session session(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Session session = store.get(PER_TEST, Session.class);
        if (session == null) {
            session = store.get(PER_CLASS, Session.class);
        }
        if (session == null) {
            throw new ParameterResolutionException("No Drydock harness runs here: with @DrydockTest(lifecycle = PER_TEST)"
                    + " there is one only for test methods and @BeforeEach and @AfterEach methods");
        }
        return session;
    }

    /** The nearest {@code @DrydockTest} of the test class or a class it is nested in; defaults without one. */
    private static DrydockTest settings(ExtensionContext context) {
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            Optional<DrydockTest> found = AnnotationSupport.findAnnotation(type, DrydockTest.class);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return DEFAULTS;
    }

    /** A harness and its admin, who is made again when the harness is reset. */
    private static final class Session {
        private final DrydockHarness harness;
        private volatile DrydockAdmin admin;

        private Session(DrydockHarness harness) {
            this.harness = harness;
        }

        static Session start() {
            DrydockHarness harness = DrydockHarness.start();
            try {
                Session session = new Session(harness);
                session.admin = DrydockAdmin.register(harness.drydock());
                return session;
            } catch (RuntimeException e) {
                harness.close();
                throw e;
            }
        }

        synchronized void reset() {
            harness.reset();
            admin = DrydockAdmin.register(harness.drydock());
        }

        DrydockHarness harness() {
            return harness;
        }

        DrydockAdmin admin() {
            return admin;
        }
    }
}
