package dev.roletrail.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic synthetic CloudTrail traffic for integration tests and benchmarks: {@code users} IAM users, each
 * working on {@code days} days: a few API calls with a long-term key, an AssumeRole of their usual role, and calls
 * signed with the session that AssumeRole issued. Every fifth user also tries a role it never used on its last day,
 * so first-time and sensitive-role alerts appear. The same seed gives the same principals, times and eventIDs
 * (request ids and issued key ids are random): runs that must match each other replay one generated list.
 */
public final class SyntheticTraffic {

    public static final String ACCOUNT = "111122223333";
    public static final Instant START = Instant.parse("2026-09-01T00:00:00Z");

    /** One record and the key ingest would give it (the acting principal). */
    public record KeyedRecord(String principal, String json) {
    }

    private SyntheticTraffic() {
    }

    public static List<KeyedRecord> generate(long seed, int users, int days) {
        Random random = new Random(seed);
        List<TimedRecord> records = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            String user = "arn:aws:iam::" + ACCOUNT + ":user/user" + u;
            String role = "arn:aws:iam::" + ACCOUNT + ":role/team" + (u % 10);
            String network = "10." + (u % 200) + "." + (u / 200 % 200) + ".";
            for (int day = 0; day < days; day++) {
                Instant start = START.plus(Duration.ofDays(day)).plusSeconds(8 * 3600 + random.nextInt(7200));
                String ip = network + (1 + random.nextInt(200));
                add(records, random, user, CloudTrailEvent.byUser(user).call("s3.amazonaws.com", "ListBuckets")
                        .at(start).from(ip));
                CloudTrailEvent assume = CloudTrailEvent.byUser(user).assumeRole(role).at(start.plusSeconds(60))
                        .from(ip);
                add(records, random, user, assume);
                for (int call = 0; call < 2; call++) {
                    add(records, random, role, CloudTrailEvent.byRoleSession(role, "user" + u)
                            .withAccessKey(assume.issuedKeyId()).call("ec2.amazonaws.com", "DescribeInstances")
                            .at(start.plusSeconds(120 + call * 30L)).from(ip));
                }
                if (u % 5 == 0 && day == days - 1) {
                    String admin = "arn:aws:iam::" + ACCOUNT + ":role/Admin" + (u % 3);
                    add(records, random, user, CloudTrailEvent.byUser(user).assumeRole(admin)
                            .at(start.plusSeconds(3600)).from(ip));
                }
            }
        }
        records.sort(Comparator.comparing(TimedRecord::at).thenComparing(r -> r.record().json()));
        return records.stream().map(TimedRecord::record).toList();
    }

    private record TimedRecord(Instant at, KeyedRecord record) {
    }

    private static void add(List<TimedRecord> records, Random random, String principal, CloudTrailEvent event) {
        event.eventId(new UUID(random.nextLong(), random.nextLong()).toString());
        Instant at = Instant.parse(event.tree().get("eventTime").asText());
        records.add(new TimedRecord(at, new KeyedRecord(principal, event.json())));
    }
}
