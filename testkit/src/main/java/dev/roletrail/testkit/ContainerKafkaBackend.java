package dev.roletrail.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka in a Docker container (Testcontainers, {@code apache/kafka} image). Only loaded after
 * {@link KafkaBackends} has checked that Testcontainers is on the class path.
 */
final class ContainerKafkaBackend implements KafkaBackend {

    /** Overrides the image, for example to try another Kafka release. */
    static final String IMAGE_PROPERTY = "roletrail.test.kafka.image";
    /** The same Kafka release as the clients and the embedded broker. */
    static final String DEFAULT_IMAGE = "apache/kafka:4.3.1";

    private final KafkaContainer container;

    private ContainerKafkaBackend(KafkaContainer container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static ContainerKafkaBackend start() {
        // The container already sets the single-node replication factors and a zero rebalance delay;
        // these two make it behave like the embedded broker.
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE)))
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
            .withEnv("KAFKA_NUM_PARTITIONS", "1");
        container.start();
        return new ContainerKafkaBackend(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void stop() {
        throw restartUnsupported();
    }

    @Override
    public void restart() {
        throw restartUnsupported();
    }

    private static UnsupportedOperationException restartUnsupported() {
        // Stopping a container loses its mapped port and, with it, every client's bootstrap address.
        return new UnsupportedOperationException(
            "Stopping and restarting Kafka needs the embedded broker: run with -D"
                + KafkaBackends.BACKEND_PROPERTY + "=embedded");
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "Kafka container " + container.getDockerImageName() + " at " + bootstrapServers();
    }
}
