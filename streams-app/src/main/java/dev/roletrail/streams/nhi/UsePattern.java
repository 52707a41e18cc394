package dev.roletrail.streams.nhi;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.roletrail.streams.identity.Networks;

/**
 * What a set of {@link Trait}s says about who is behind them: which clients by class, from which networks, in how
 * many of the day's six four-hour spans.
 */
record UsePattern(Set<String> interactive, Set<String> automation, Set<String> awsService, Set<String> unknown,
        Set<String> networks, Set<Integer> hours, boolean consoleSignIn) {

    /** A person's working day touches three or four spans; code that runs round the clock touches them all. */
    static final int ROUND_THE_CLOCK_SPANS = 5;

    static UsePattern of(Collection<Trait> traits) {
        Set<String> interactive = new TreeSet<>();
        Set<String> automation = new TreeSet<>();
        Set<String> service = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        Set<String> networks = new TreeSet<>();
        Set<Integer> hours = new TreeSet<>();
        boolean signIn = false;
        for (Trait trait : traits) {
            switch (ClientClass.of(trait.client())) {
                case INTERACTIVE -> interactive.add(trait.client());
                case AUTOMATION -> automation.add(trait.client());
                case AWS_SERVICE -> service.add(trait.client());
                case UNKNOWN -> unknown.add(trait.client());
            }
            networks.add(trait.network());
            hours.add(trait.hours());
            signIn |= trait.credential().equals(Trait.PASSWORD);
        }
        return new UsePattern(interactive, automation, service, unknown, networks, hours, signIn);
    }

    boolean empty() {
        return networks.isEmpty();
    }

    /** A person was there: a console sign-in or an interactive client. */
    boolean human() {
        return consoleSignIn || !interactive.isEmpty();
    }

    boolean roundTheClock() {
        return hours.size() >= ROUND_THE_CLOCK_SPANS;
    }

    /** Whether every call came from AWS's own networks (a service acting, a VPC endpoint). */
    boolean onlyAwsNetworks() {
        return !networks.isEmpty() && networks.stream().allMatch(Networks::isAws);
    }

    /**
     * Why it looks unattended, in words.
     *
     * @param weekendsOutside whether some of it ran at weekends outside its person's working hours
     */
    List<String> unattendedEvidence(WorkingHours person, boolean weekendsOutside) {
        List<String> why = new java.util.ArrayList<>();
        if (roundTheClock()) {
            why.add("code used in " + hours.size() + " of the day's 6 four-hour spans (UTC)");
        } else if (weekendsOutside) {
            why.add("code used at weekends outside its person's working hours (" + person + ")");
        }
        List<String> aws = networks.stream().filter(Networks::isAws).toList();
        if (!aws.isEmpty()) {
            why.add("called from AWS networks: " + String.join(", ", aws));
        }
        return why;
    }
}
