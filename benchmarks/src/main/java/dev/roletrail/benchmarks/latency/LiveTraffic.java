package dev.roletrail.benchmarks.latency;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailFiles;

/**
 * A live organisation trail, one log object at a time, as CloudTrail delivers it: gzipped {@code {"Records":[...]}}
 * under {@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/}, named with its delivery minute and a random
 * suffix. Benign work: IAM users' read calls, AssumeRole of their team's role, and calls signed with sessions issued
 * in earlier objects, each user from a network of their own (a session too: alerts on benign traffic would be work
 * the probes queue behind). Each object holds one probe: a new IAM user assuming an admin role, which
 * {@code sensitive-role-assumed} reports on its own, each probe a new entity so suppression never holds it back.
 * Event times are up to {@code FRESH} before delivery, those of a late object {@code LATE_MIN} to {@code LATE_MAX}.
 */
public final class LiveTraffic {

    public static final Duration FRESH = Duration.ofSeconds(30);
    public static final Duration LATE_MIN = Duration.ofMinutes(3);
    public static final Duration LATE_MAX = Duration.ofMinutes(10);
    public static final String PROBE_USER = "latency-probe-";
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    private static final String[][] READS = {{"s3.amazonaws.com", "ListBuckets"},
        {"ec2.amazonaws.com", "DescribeInstances"}, {"iam.amazonaws.com", "ListRoles"},
        {"logs.amazonaws.com", "DescribeLogGroups"}, {"dynamodb.amazonaws.com", "DescribeTable"}};
    private static final int SESSIONS_KEPT = 256;

    /** One log object: its key and bytes, its records, and the eventID of the probe in it. */
    public record LogObject(String key, byte[] gzipped, int records, String probeEventId, boolean late) {
    }

    private record Timed(Instant at, CloudTrailEvent event) {
    }

    private record Session(String account, String role, String user, String keyId) {
    }

    private final Random random;
    private final int accounts;
    private final int usersPerAccount;
    private final List<Session> sessions = new ArrayList<>();
    private long probes;

    public LiveTraffic(long seed, int accounts, int usersPerAccount) {
        this.random = new Random(seed);
        this.accounts = accounts;
        this.usersPerAccount = usersPerAccount;
    }

    /** The next object, delivered at {@code deliveredAt}, of {@code records} records (at least one: the probe). */
    public LogObject next(Instant deliveredAt, int records, boolean late) {
        String account = account(random.nextInt(accounts));
        String region = REGIONS.get(random.nextInt(REGIONS.size()));
        Instant newest = late ? deliveredAt.minus(LATE_MIN).minusMillis(random.nextLong(LATE_MAX.minus(LATE_MIN)
                .toMillis())) : deliveredAt;
        List<Timed> events = new ArrayList<>();
        List<Session> issued = new ArrayList<>();
        int probeAt = random.nextInt(Math.max(records, 1));
        String probeEventId = null;
        for (int i = 0; i < Math.max(records, 1); i++) {
            // Whole seconds, as CloudTrail writes eventTime: with milliseconds every record took the general ISO
            // parser, 3 % of the stream threads' time here, which no real trail costs.
            Instant at = newest.minusMillis(random.nextLong(FRESH.toMillis())).truncatedTo(ChronoUnit.SECONDS);
            CloudTrailEvent event;
            if (i == probeAt) {
                event = CloudTrailEvent.byUser("arn:aws:iam::" + account + ":user/" + PROBE_USER + ++probes)
                        .assumeRole("arn:aws:iam::" + account + ":role/OrgAdmin");
                probeEventId = new UUID(0x1a7e_0000_0000_0000L, probes).toString();
                event.eventId(probeEventId);
            } else {
                event = benign(account, issued);
            }
            events.add(new Timed(at, event.at(at).region(region)));
        }
        events.sort(Comparator.comparing(Timed::at));
        sessions.addAll(issued);
        while (sessions.size() > SESSIONS_KEPT) {
            sessions.remove(random.nextInt(sessions.size()));
        }
        String key = CloudTrailFiles.logObjectKey(null, account, region, deliveredAt, suffix());
        byte[] gzipped = CloudTrailFiles.gzip(CloudTrailFiles.envelope(events.stream().map(e -> e.event().json())
                .toList()));
        return new LogObject(key, gzipped, events.size(), probeEventId, late);
    }

    private CloudTrailEvent benign(String account, List<Session> issued) {
        int kind = random.nextInt(10);
        String user = "user" + random.nextInt(usersPerAccount);
        String userArn = "arn:aws:iam::" + account + ":user/" + user;
        String ip = ipOf(account, user);
        if (kind < 5) {
            Session session = sessionOf(account);
            if (session != null) {
                // From its holder's network, as a person's session is used: from another's, every such call is
                // what session-credential-network-change reports (a third of all records alerted so, before).
                String[] call = READS[random.nextInt(READS.length)];
                return CloudTrailEvent.byRoleSession(session.role(), session.user()).withAccessKey(session.keyId())
                        .call(call[0], call[1]).from(ipOf(account, session.user()));
            }
        }
        if (kind == 5) {
            String role = "arn:aws:iam::" + account + ":role/team" + (user.hashCode() & 7);
            CloudTrailEvent assume = CloudTrailEvent.byUser(userArn).assumeRole(role).from(ip);
            issued.add(new Session(account, role, user, assume.issuedKeyId()));
            return assume;
        }
        String[] call = READS[random.nextInt(READS.length)];
        return CloudTrailEvent.byUser(userArn).call(call[0], call[1]).from(ip);
    }

    /** An address in the user's own /24 (a network, as RoleTrail counts them), the host varying. */
    private String ipOf(String account, String user) {
        return "10." + account.charAt(account.length() - 1) + "." + (user.hashCode() & 0xff) + "."
                + (1 + random.nextInt(200));
    }

    private Session sessionOf(String account) {
        for (int tries = 0; tries < 4 && !sessions.isEmpty(); tries++) {
            Session session = sessions.get(random.nextInt(sessions.size()));
            if (session.account().equals(account)) {
                return session;
            }
        }
        return null;
    }

    static String account(int index) {
        return String.format(java.util.Locale.ROOT, "2100%08d", index + 1);
    }

    private String suffix() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder suffix = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return suffix.toString();
    }
}
