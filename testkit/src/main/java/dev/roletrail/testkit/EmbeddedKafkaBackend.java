package dev.roletrail.testkit;

import dev.roletrail.embedded.EmbeddedKafkaBroker;

/** The in-process broker: needs nothing but this JVM. */
final class EmbeddedKafkaBackend implements KafkaBackend {

    private final EmbeddedKafkaBroker broker;

    private EmbeddedKafkaBackend(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    static EmbeddedKafkaBackend start() {
        return new EmbeddedKafkaBackend(EmbeddedKafkaBroker.start());
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public void restart() {
        broker.restart();
    }

    @Override
    public void close() {
        broker.close();
    }

    @Override
    public String toString() {
        return "embedded Kafka broker at " + bootstrapServers();
    }
}
