package dev.roletrail.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Checks before a run that Kafka answers and the topics exist, so that a wrong address or a forgotten
 * {@code --create-topics} gives one clear line at start instead of a producer waiting for metadata.
 */
public final class KafkaPreflight {

    private KafkaPreflight() {
    }

    /** @throws IllegalStateException naming what is wrong */
    public static void check(Properties kafka, List<String> topics, Duration timeout) throws InterruptedException {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        try (Admin admin = Admin.create(adminOnly(props))) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> missing = topics.stream().filter(t -> !existing.contains(t)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Kafka topics missing: " + String.join(", ", missing)
                        + " (create them, or run with --create-topics)");
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + kafka.getProperty("bootstrap.servers")
                    + " did not answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka at " + kafka.getProperty("bootstrap.servers") + ": "
                    + e.getCause().getMessage());
        }
    }

    /** Admin clients warn about producer settings such as linger.ms; keep only what they know. */
    private static Properties adminOnly(Properties props) {
        Properties admin = new Properties();
        props.stringPropertyNames().stream().filter(AdminClientConfig.configNames()::contains)
                .forEach(name -> admin.put(name, props.get(name)));
        return admin;
    }
}
