package dev.roletrail.testkit;

import dev.roletrail.schemas.Topics;

/** A fresh, uniquely prefixed set of RoleTrail's topics on the test broker, so tests never see each other's data. */
public final class RoleTrailTopics {

    private RoleTrailTopics() {
    }

    public static Topics create(TestKafka kafka, int partitions) {
        Topics topics = new Topics(kafka.uniqueName("rt"));
        topics.topicConfigs().forEach((name, config) -> kafka.createTopic(partitions, name, config));
        return topics;
    }
}
