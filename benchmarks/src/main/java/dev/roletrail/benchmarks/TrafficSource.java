package dev.roletrail.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.SyntheticTraffic;
import dev.roletrail.testkit.SyntheticTraffic.KeyedRecord;

/**
 * Where the streams benchmark's input comes from. {@code synthetic} (testkit's {@link SyntheticTraffic}) is what the
 * past figures were measured on and stays the default; {@code simulator} is a simulated organisation (accounts, trust
 * shapes, role chains, machines, late and duplicate delivery, attacks).
 */
enum TrafficSource {

    SYNTHETIC {
        @Override
        List<KeyedRecord> traffic(int users, int days, int eventsPerDay) {
            return SyntheticTraffic.generate(3, users, days);
        }

        /** One call by each of {@code count} IAM users of one account, each with its own key and /24. */
        @Override
        List<KeyedRecord> distinctPrincipals(int count) {
            return IntStream.range(0, count).mapToObj(i -> {
                String user = "arn:aws:iam::111122223333:user/u" + i;
                return new KeyedRecord(user, CloudTrailEvent.byUser(user).call("s3.amazonaws.com", "ListBuckets")
                        .at(SyntheticTraffic.START.plusSeconds(i)).from("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + ".1")
                        .json());
            }).toList();
        }
    },

    SIMULATOR {
        /** At least {@link SimulationSpec#MIN_DAYS}: the simulator places its attacks after the learning period. */
        @Override
        List<KeyedRecord> traffic(int users, int days, int eventsPerDay) throws IOException {
            return SimulatedTraffic.generate(new SimulationSpec(7, 3, users, Math.max(days, SimulationSpec.MIN_DAYS),
                    eventsPerDay, SimulationSpec.DEFAULT_START));
        }

        @Override
        List<KeyedRecord> distinctPrincipals(int count) {
            return SimulatedTraffic.distinctPrincipals(count, 7);
        }
    };

    /** Records of an organisation of {@code users} over {@code days} (the synthetic source ignores events a day). */
    abstract List<KeyedRecord> traffic(int users, int days, int eventsPerDay) throws IOException;

    /** One record each for {@code count} distinct principals, each with its own long-term key. */
    abstract List<KeyedRecord> distinctPrincipals(int count);

    static TrafficSource named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source must be synthetic or simulator, was " + name, e);
        }
    }
}
