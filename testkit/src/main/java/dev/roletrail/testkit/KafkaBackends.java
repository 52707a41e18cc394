package dev.roletrail.testkit;

import java.util.Locale;

/**
 * Chooses how tests get a broker, from the system property {@value #BACKEND_PROPERTY}: {@code embedded},
 * {@code testcontainers}, or {@code auto} (the default: a container when Testcontainers is on the class path and a
 * Docker engine answers, the embedded broker otherwise).
 */
final class KafkaBackends {

    static final String BACKEND_PROPERTY = "roletrail.test.kafka";

    private static final String TESTCONTAINERS_CLASS = "org.testcontainers.DockerClientFactory";

    private KafkaBackends() {
    }

    static KafkaBackend start() {
        String choice = System.getProperty(BACKEND_PROPERTY, "auto").strip().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "embedded" -> EmbeddedKafkaBackend.start();
            case "testcontainers" -> startContainer();
            case "auto" -> testcontainersPresent() && ContainerKafkaBackend.dockerAvailable()
                ? ContainerKafkaBackend.start()
                : EmbeddedKafkaBackend.start();
            default -> throw new IllegalArgumentException(
                BACKEND_PROPERTY + " must be auto, embedded or testcontainers, not '" + choice + "'");
        };
    }

    private static KafkaBackend startContainer() {
        if (!testcontainersPresent()) {
            throw new IllegalStateException(BACKEND_PROPERTY + "=testcontainers, but "
                + "org.testcontainers:testcontainers-kafka is not on the test class path");
        }
        return ContainerKafkaBackend.start();
    }

    /** Testcontainers is an optional dependency: touch its classes only once this says they exist. */
    private static boolean testcontainersPresent() {
        try {
            Class.forName(TESTCONTAINERS_CLASS, false, KafkaBackends.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
