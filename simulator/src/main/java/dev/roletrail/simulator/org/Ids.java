package dev.roletrail.simulator.org;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Random identifiers in AWS's shapes, drawn from the simulation's seeded generator. */
public final class Ids {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String HEX = "0123456789abcdef";

    private Ids() {
    }

    /** A key or unique id: the prefix (AKIA, ASIA, AIDA, AROA) and 16 base-32 characters. */
    public static String awsId(RandomGenerator random, String prefix) {
        return prefix + chars(random, BASE32, 16);
    }

    /** A role's unique id (AROA...), the same wherever the role appears: derived from its ARN. */
    public static String roleId(String roleArn) {
        return "AROA" + String.format("%016X", (long) roleArn.hashCode() * 0x9E3779B97F4A7C15L >>> 1);
    }

    public static String uuid(RandomGenerator random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    public static String instanceId(RandomGenerator random) {
        return "i-0" + chars(random, HEX, 16);
    }

    /** The random tail of a CloudTrail object name. */
    public static String objectSuffix(RandomGenerator random) {
        return chars(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 16);
    }

    /** A public-looking IPv4 /24 prefix such as "81.12.200" (no private, loopback or multicast ranges). */
    public static String network(RandomGenerator random) {
        int first;
        do {
            first = 11 + random.nextInt(212);
        } while (first == 127 || first == 172 || first == 192 || first == 100);
        return first + "." + random.nextInt(256) + "." + random.nextInt(256);
    }

    public static String host(RandomGenerator random, String network) {
        return network + "." + (2 + random.nextInt(250));
    }

    private static String chars(RandomGenerator random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
