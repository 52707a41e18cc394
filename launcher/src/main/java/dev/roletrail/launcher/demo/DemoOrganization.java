package dev.roletrail.launcher.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small simulated organisation for the demo: three weeks of benign traffic by three people and their roles, then
 * two labelled incidents (a first-time assumption of Admin; a role assumed in an unknown external account), a
 * brand-new principal that stays quiet during its learning period, and two pieces of bad input. Deterministic for a
 * seed; objects laid out as CloudTrail writes them.
 */
public final class DemoOrganization {

    public static final String PROD = "111111111111";
    public static final String DEV = "222222222222";
    public static final String EXTERNAL = "999988887777";
    public static final String REGION = "eu-west-1";
    public static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    public static final int BENIGN_DAYS = 21;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter DAY_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private record Person(String user, String usualRole, String network) {
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("alice", role(PROD, "ReadOnly"), "198.51.100."),
            new Person("bob", role(DEV, "Deploy"), "203.0.113."),
            new Person("carol", role(PROD, "Auditor"), "192.0.2."));

    private final Random random;
    private final List<ObjectNode> events = new ArrayList<>();

    private DemoOrganization(long seed) {
        this.random = new Random(seed);
    }

    /** A log object: its key under {@code AWSLogs/} and its gzipped bytes. */
    public record LogObject(String key, byte[] bytes) {
    }

    public static List<LogObject> generate(long seed) {
        DemoOrganization org = new DemoOrganization(seed);
        for (int day = 0; day < BENIGN_DAYS; day++) {
            for (Person person : PEOPLE) {
                org.workday(person, START.plus(Duration.ofDays(day)));
            }
        }
        Instant incident = START.plus(Duration.ofDays(BENIGN_DAYS)).plus(Duration.ofHours(14));
        Person alice = PEOPLE.get(0);
        org.assume(alice, role(PROD, "Admin"), incident, alice.network + "77");
        org.assume(PEOPLE.get(2), role(EXTERNAL, "VendorAccess"), incident.plusSeconds(600), "192.0.2.200");
        org.assume(new Person("mallory", role(PROD, "ReadOnly"), "100.64.0."), role(PROD, "Admin"),
                incident.plusSeconds(1200), "100.64.0.9");
        return org.objects();
    }

    private void workday(Person person, Instant day) {
        Instant start = day.plus(Duration.ofMinutes(8 * 60 + random.nextInt(90)));
        String ip = person.network + (10 + random.nextInt(20));
        for (String call : List.of("ListBuckets", "DescribeInstances")) {
            events.add(event(userIdentity(person.user), call.startsWith("List") ? "s3.amazonaws.com" : "ec2.amazonaws.com",
                    call, start.plusSeconds(random.nextInt(600)), ip));
        }
        assume(person, person.usualRole, start.plusSeconds(900), ip);
    }

    private void assume(Person person, String roleArn, Instant at, String ip) {
        ObjectNode event = event(userIdentity(person.user), "sts.amazonaws.com", "AssumeRole", at, ip);
        event.set("requestParameters", NODES.objectNode().put("roleArn", roleArn)
                .put("roleSessionName", person.user));
        ObjectNode credentials = NODES.objectNode().put("accessKeyId", "ASIA" + hex(16))
                .put("expiration", at.plus(Duration.ofHours(1)).toString());
        event.set("responseElements", NODES.objectNode().set("credentials", credentials));
        events.add(event);
    }

    private ObjectNode event(ObjectNode identity, String source, String name, Instant at, String ip) {
        ObjectNode event = NODES.objectNode();
        event.put("eventVersion", "1.08");
        event.set("userIdentity", identity);
        event.put("eventTime", at.toString());
        event.put("eventSource", source);
        event.put("eventName", name);
        event.put("awsRegion", REGION);
        event.put("sourceIPAddress", ip);
        event.put("userAgent", "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64");
        event.putNull("requestParameters");
        event.putNull("responseElements");
        event.put("requestID", uuid());
        event.put("eventID", uuid());
        event.put("readOnly", !name.startsWith("Assume"));
        event.put("eventType", "AwsApiCall");
        event.put("managementEvent", true);
        event.put("recipientAccountId", PROD);
        return event;
    }

    private ObjectNode userIdentity(String user) {
        return NODES.objectNode().put("type", "IAMUser").put("principalId", "AIDA" + user.toUpperCase(java.util.Locale.ROOT))
                .put("arn", "arn:aws:iam::" + PROD + ":user/" + user).put("accountId", PROD)
                .put("accessKeyId", "AKIA" + user.toUpperCase(java.util.Locale.ROOT) + "EXAMPLE").put("userName", user);
    }

    /** Groups events into one object per hour, as CloudTrail delivers them, plus two objects of bad input. */
    private List<LogObject> objects() {
        Map<String, List<ObjectNode>> byObject = new TreeMap<>();
        for (ObjectNode event : events) {
            Instant at = Instant.parse(event.get("eventTime").asText());
            Instant hour = at.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofMinutes(5));
            byObject.computeIfAbsent(key(hour, "h" + STAMP.format(hour)), k -> new ArrayList<>()).add(event);
        }
        List<LogObject> objects = new ArrayList<>();
        byObject.forEach((key, records) -> objects.add(new LogObject(key, gzip(envelope(records)))));
        Instant last = START.plus(Duration.ofDays(BENIGN_DAYS)).plus(Duration.ofHours(15));
        objects.add(new LogObject(key(last, "corrupt"), "this is not gzip".getBytes(StandardCharsets.UTF_8)));
        ObjectNode noTime = event(userIdentity("alice"), "s3.amazonaws.com", "ListBuckets", last, "198.51.100.10");
        noTime.remove("eventTime");
        objects.add(new LogObject(key(last, "missingtime"), gzip(envelope(List.of(noTime)))));
        return objects;
    }

    private static String key(Instant at, String id) {
        return "AWSLogs/" + PROD + "/CloudTrail/" + REGION + "/" + DAY_PATH.format(at) + "/" + PROD + "_CloudTrail_"
                + REGION + "_" + STAMP.format(at) + "_" + id.replaceAll("[^A-Za-z0-9]", "") + ".json.gz";
    }

    private static byte[] envelope(List<ObjectNode> records) {
        ObjectNode root = NODES.objectNode();
        root.putArray("Records").addAll(records);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String role(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String hex(int digits) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            s.append("0123456789ABCDEF".charAt(random.nextInt(16)));
        }
        return s.toString();
    }
}
