package dev.roletrail.testkit;

/** A running Kafka cluster for tests, whichever way it was started. */
interface KafkaBackend extends AutoCloseable {

    String bootstrapServers();

    /** Makes the broker unreachable until {@link #restart()}, keeping its data. */
    void stop();

    void restart();

    @Override
    void close();
}
