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
 * Resolves {@code findings.partitions} 0 to the partition count of {@code roletrail.cloudtrail}, asked of the broker
 * once before the topology is built: {@code usage-signals} then has as many partitions as the input, and the
 * findings tasks know how many there are, which deciding the entities they own needs.
 */
public final class InputPartitions {

    private static final long TIMEOUT_SECONDS = 60;

    private InputPartitions() {
    }

    public static StreamsAppConfig resolve(StreamsAppConfig config) {
        if (config.findings().partitions() > 0) {
            return config;
        }
        String topic = config.topics().cloudtrail().name();
        try (Admin admin = Admin.create(adminProperties(config.kafka()))) {
            int count = admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            return config.withFindings(config.findings().withPartitions(count));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new InvalidConfigException("topic " + topic + " does not exist: create it (topics.create) or "
                        + "set findings.partitions");
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
