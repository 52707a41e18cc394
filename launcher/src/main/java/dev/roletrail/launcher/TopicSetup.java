package dev.roletrail.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.config.Settings;

/** Creates RoleTrail's topics when they do not exist yet, tolerating a concurrent creator (compacted where only the latest value per key matters). */
public final class TopicSetup {

    private static final Duration LISTED_TIMEOUT = Duration.ofSeconds(30);

    private TopicSetup() {
    }

    /** Whether to create missing topics at start ({@code topics.*}), and how. */
    public record Creation(boolean enabled, int partitions, short replication) {

        public static Creation from(Settings settings) {
            return new Creation(settings.bool("topics.create", false),
                    settings.integer("topics.partitions", 6, 1, 10_000),
                    (short) settings.integer("topics.replication", 1, 1, 10));
        }
    }

    /** Creates the missing topics if {@code creation} asks for it. */
    public static void ensure(Properties kafka, Topics topics, Creation creation)
            throws InterruptedException, ExecutionException {
        if (creation.enabled()) {
            ensure(kafka, topics, creation.partitions(), creation.replication());
        }
    }

    public static void ensure(Properties kafka, Topics topics, int partitions, short replication)
            throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(kafka)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String name : topics.allNames()) {
                if (!existing.contains(name)) {
                    missing.add(new NewTopic(name, partitions, replication).configs(topics.topicConfigs().get(name)));
                }
            }
            for (var creation : admin.createTopics(missing).values().values()) {
                try {
                    creation.get();
                } catch (ExecutionException e) {
                    // Another instance (ingest and streams both create at start) may have won the race: that is fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitListed(admin, topics.allNames());
        }
    }

    /**
     * Waits until the broker lists every topic: a creation completes when the controller has committed it, and the
     * broker that answers the next metadata request may learn of it a moment later.
     */
    private static void awaitListed(Admin admin, Collection<String> names)
            throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + LISTED_TIMEOUT.toNanos();
        while (!admin.listTopics().names().get().containsAll(names)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("created topics were not listed by Kafka within "
                        + LISTED_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }
}
