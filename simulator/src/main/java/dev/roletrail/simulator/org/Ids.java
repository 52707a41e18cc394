package dev.roletrail.simulator.org;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Random identifiers in AWS's shapes, drawn from the simulation's seeded generator. */
public final class Ids {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String HEX = "0123456789abcdef";
    /** An odd multiplier and its inverse modulo 2^64, so that scrambling an index can be undone. */
    private static final long SCRAMBLE = 0x9E3779B97F4A7C15L;
    private static final long UNSCRAMBLE = inverse(SCRAMBLE);

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

    /**
     * An id that encodes an index: the prefix, 13 base-32 characters holding the index scrambled by {@code salt}
     * (a bijection on 64 bits, so ids look unrelated), and 3 more derived from them. {@link #index} reverses it.
     */
    public static String indexed(String prefix, long salt, int index) {
        long scrambled = (index ^ salt) * SCRAMBLE;
        StringBuilder s = new StringBuilder(prefix.length() + 16).append(prefix);
        for (int shift = 60; shift >= 0; shift -= 5) {
            s.append(BASE32.charAt((int) (scrambled >>> shift & 31)));
        }
        long tail = mix(scrambled);
        for (int i = 0; i < 3; i++) {
            s.append(BASE32.charAt((int) (tail >>> (5 * i) & 31)));
        }
        return s.toString();
    }

    /** The index an {@link #indexed} id encodes, or -1 when the id is not one of {@code count} such ids. */
    public static int index(String id, String prefix, long salt, int count) {
        if (id.length() != prefix.length() + 16 || !id.startsWith(prefix)) {
            return -1;
        }
        long scrambled = 0;
        for (int i = 0; i < 13; i++) {
            int digit = BASE32.indexOf(id.charAt(prefix.length() + i));
            if (digit < 0) {
                return -1;
            }
            scrambled = scrambled << 5 | digit;
        }
        long index = scrambled * UNSCRAMBLE ^ salt;
        return index >= 0 && index < count && indexed(prefix, salt, (int) index).equals(id) ? (int) index : -1;
    }

    /** MurmurHash3's 64-bit finaliser: spreads every input bit over the output, for seeding per-index generators. */
    public static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
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

    /**
     * A /24 in prefixes AWS publishes for EC2 in {@code ip-ranges.json} (eu-west-1's 3.248.0.0/13 and 54.72.0.0/14,
     * us-east-1's 52.0.0.0/15 and 34.192.0.0/12), where cloud servers and the jobs on them call from.
     */
    public static String awsNetwork(RandomGenerator random) {
        String[] sixteens = {"3.248", "3.250", "54.72", "54.74", "52.0", "52.1", "34.192", "34.200"};
        return sixteens[random.nextInt(sixteens.length)] + "." + random.nextInt(256);
    }

    public static String host(RandomGenerator random, String network) {
        return network + "." + (2 + random.nextInt(250));
    }

    /** The multiplicative inverse of an odd number modulo 2^64 (Newton's iteration doubles the correct bits). */
    private static long inverse(long odd) {
        long inverse = odd;
        for (int i = 0; i < 5; i++) {
            inverse *= 2 - odd * inverse;
        }
        return inverse;
    }

    private static String chars(RandomGenerator random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
