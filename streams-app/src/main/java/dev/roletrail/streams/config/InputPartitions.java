package dev.roletrail.streams.config;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import dev.roletrail.schemas.config.InvalidConfigException;

/**
 * Asks the broker, once before the topology is built, how many partitions {@code roletrail.cloudtrail} has. With one,
 * the lineage step is the only task and delivers every session to itself instead of waiting for it to come back
 * through {@code roletrail.sessions}. And {@code findings.partitions} 0 resolves to it: {@code usage-signals} then has
 * as many partitions as the input, and the findings tasks know how many there are, which deciding the entities they
 * own needs.
 */
public final class InputPartitions {

    private static final long TIMEOUT_SECONDS = 60;

    private InputPartitions() {
    }

    public static StreamsAppConfig resolve(StreamsAppConfig config) {
        String topic = config.topics().cloudtrail().name();
        try (Admin admin = Admin.create(adminProperties(config.kafka()))) {
            int count = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            StreamsAppConfig known = config.withInputPartitions(count);
            return config.findings().partitions() > 0 ? known
                    : known.withFindings(known.findings().withPartitions(count));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new InvalidConfigException("topic " + topic + " does not exist: create it (topics.create)");
            }
            throw new IllegalStateException("cannot read the partitions of " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot read the partitions of " + topic + " within "
                    + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the partitions of " + topic, e);
        }
    }

    /** Only what an admin client understands, so it warns of nothing the streams settings hold. */
    private static Properties adminProperties(Properties kafka) {
        Properties admin = new Properties();
        kafka.stringPropertyNames().stream().filter(AdminClientConfig.configNames()::contains)
                .forEach(name -> admin.put(name, kafka.getProperty(name)));
        return admin;
    }
}
