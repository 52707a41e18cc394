package dev.roletrail.testkit;

import java.time.Duration;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Injects a {@link TestKafka} into test constructors, lifecycle and test methods. One broker serves the whole JVM: it
 * starts when first asked for and closes when the test run ends. The backend follows the system property
 * {@code roletrail.test.kafka}: {@code auto} (default: Testcontainers when Docker answers, else embedded),
 * {@code embedded} or {@code testcontainers}.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestKafka.class;
    }

    @Override
    public TestKafka resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root context's store lives as long as the test run and closes its AutoCloseable values at the end.
        return context.getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(SharedKafka.class, key -> SharedKafka.start(), SharedKafka.class)
            .kafka();
    }

    /** Owns the shared broker, so that tests get a {@link TestKafka} they cannot close. */
    private record SharedKafka(TestKafka kafka) implements AutoCloseable {

        static SharedKafka start() {
            long started = System.nanoTime();
            TestKafka kafka = new TestKafka(KafkaBackends.start());
            log.info("Tests use {} (ready in {} ms)", kafka, Duration.ofNanos(System.nanoTime() - started).toMillis());
            return new SharedKafka(kafka);
        }

        @Override
        public void close() {
            kafka.close();
        }
    }
}
