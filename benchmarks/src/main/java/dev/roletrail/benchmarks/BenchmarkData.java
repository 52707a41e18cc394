package dev.roletrail.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailFiles;

/**
 * Generates (once, then reuses from a directory) CloudTrail log objects with the size mix of a real organisation
 * trail: most objects hold a handful of records and are under a kilobyte gzipped, a few busy ones hold thousands.
 * Records look like CloudTrail's (about 1.2 KB of JSON each): IAM users and role sessions calling many services.
 * Deterministic for a seed.
 */
final class BenchmarkData {

    /** One log object: its S3 key (also its path under the data directory) and gzipped bytes. */
    record LogObject(String key, byte[] gzipped, int records) {
    }

    private static final String[] ACCOUNTS = {"111122223333", "444455556666", "777788889999", "123456789012"};
    private static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2"};
    private static final String[][] CALLS = {
        {"s3.amazonaws.com", "GetObject"}, {"s3.amazonaws.com", "ListBuckets"}, {"sts.amazonaws.com", "AssumeRole"},
        {"ec2.amazonaws.com", "DescribeInstances"}, {"iam.amazonaws.com", "ListRoles"},
        {"kms.amazonaws.com", "Decrypt"}, {"lambda.amazonaws.com", "Invoke"}, {"logs.amazonaws.com", "PutLogEvents"},
        {"dynamodb.amazonaws.com", "GetItem"}, {"secretsmanager.amazonaws.com", "GetSecretValue"}};
    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    private BenchmarkData() {
    }

    /** The main set: about {@code records} records in objects of realistic, mixed sizes. */
    static List<LogObject> mixed(Path dir, int records, long seed) throws IOException {
        return cached(dir.resolve("mixed-" + records + "-" + seed), () -> generateMixed(records, seed));
    }

    /** {@code count} objects of one or two records each, all under a kilobyte gzipped. */
    static List<LogObject> small(Path dir, int count, long seed) throws IOException {
        return cached(dir.resolve("small-" + count + "-" + seed), () -> generateSmall(count, seed));
    }

    private interface Generator {
        List<LogObject> generate();
    }

    private static List<LogObject> cached(Path dir, Generator generator) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                List<Path> paths = files.filter(Files::isRegularFile).sorted().toList();
                List<LogObject> objects = new ArrayList<>();
                for (Path path : paths) {
                    String name = path.getFileName().toString();
                    int records = Integer.parseInt(name.substring(0, name.indexOf('-')));
                    String key = dir.relativize(path).toString().replace(name, name.substring(name.indexOf('-') + 1));
                    objects.add(new LogObject(key, Files.readAllBytes(path), records));
                }
                return objects;
            }
        }
        List<LogObject> objects = generator.generate();
        for (LogObject object : objects) {
            Path file = dir.resolve(object.key());
            Files.createDirectories(file.getParent());
            Files.write(file.resolveSibling(object.records() + "-" + file.getFileName()), object.gzipped());
        }
        return objects;
    }

    private static List<LogObject> generateMixed(int records, long seed) {
        Random random = new Random(seed);
        List<LogObject> objects = new ArrayList<>();
        int made = 0;
        Instant stamp = START;
        while (made < records) {
            // 70 % tiny (1-5 records), 25 % medium (20-300), 5 % large (1,000-5,000): most objects, few records.
            int roll = random.nextInt(100);
            int size = roll < 70 ? 1 + random.nextInt(5) : roll < 95 ? 20 + random.nextInt(280) : 1000 + random.nextInt(4000);
            size = Math.min(size, records - made);
            objects.add(object(random, stamp, size, objects.size()));
            made += size;
            stamp = stamp.plus(Duration.ofSeconds(20 + random.nextInt(40)));
        }
        return objects;
    }

    private static List<LogObject> generateSmall(int count, long seed) {
        Random random = new Random(seed);
        List<LogObject> objects = new ArrayList<>();
        Instant stamp = START;
        for (int i = 0; i < count; i++) {
            objects.add(object(random, stamp, 1, i));
            stamp = stamp.plus(Duration.ofSeconds(30));
        }
        return objects;
    }

    private static LogObject object(Random random, Instant stamp, int size, int index) {
        String account = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
        String region = REGIONS[random.nextInt(REGIONS.length)];
        List<String> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            records.add(record(random, account, region, stamp.minusSeconds(random.nextInt(300))));
        }
        String key = CloudTrailFiles.logObjectKey("o-exampleorgid", account, region, stamp, String.format("b%07d", index));
        return new LogObject(key, CloudTrailFiles.gzip(CloudTrailFiles.envelope(records)), size);
    }

    private static String record(Random random, String account, String region, Instant time) {
        String[] call = CALLS[random.nextInt(CALLS.length)];
        CloudTrailEvent event = random.nextInt(3) == 0
                ? CloudTrailEvent.byUser("arn:aws:iam::" + account + ":user/user" + random.nextInt(50))
                : CloudTrailEvent.byRoleSession("arn:aws:iam::" + account + ":role/service-role-" + random.nextInt(30),
                        "session-" + Long.toHexString(random.nextLong()));
        event.call(call[0], call[1]).at(time).region(region)
                .from("198.51." + random.nextInt(256) + "." + random.nextInt(256));
        ObjectNode tree = event.tree();
        ObjectNode request = tree.putObject("requestParameters");
        request.put("bucketName", "data-" + random.nextInt(100)).put("key", "path/to/object-" + random.nextInt(100_000))
                .put("Host", "data-" + random.nextInt(100) + ".s3." + region + ".amazonaws.com");
        ObjectNode extra = tree.putObject("additionalEventData");
        extra.put("SignatureVersion", "SigV4").put("CipherSuite", "TLS_AES_128_GCM_SHA256")
                .put("bytesTransferredIn", random.nextInt(1000)).put("AuthenticationMethod", "AuthHeader")
                .put("x-amz-id-2", Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
        tree.putObject("tlsDetails").put("tlsVersion", "TLSv1.3").put("cipherSuite", "TLS_AES_128_GCM_SHA256")
                .put("clientProvidedHostHeader", call[0]);
        tree.putArray("resources").addObject().put("type", "AWS::S3::Object")
                .put("ARN", "arn:aws:s3:::data-" + random.nextInt(100) + "/path/to/object-" + random.nextInt(100_000));
        return tree.toString();
    }
}
