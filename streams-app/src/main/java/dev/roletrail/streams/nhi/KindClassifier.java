package dev.roletrail.streams.nhi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.streams.identity.Networks;

/**
 * Infers who is behind an identity from how it was used (PRODUCT.md §6a). Pure: the same use gives the same verdict.
 * <ul>
 *   <li>A credential (a user's, a key's, the root's): a console sign-in or an interactive client (console, AWS CLI,
 *       browser, IDE toolkit) means a person; an SDK or infrastructure tool means code. Code round the clock (five
 *       or more spans), from AWS's networks, or at weekends outside the hours the person works interactively
 *       ({@link WorkingHours}: their first to last four-hour span of the day, UTC, at least 12 hours) runs
 *       unattended, and beside a person's use makes it {@code mixed}; other code is the person's own script and
 *       leaves them {@code human}. Code with no person at all is a {@code workload}: a person who never uses the
 *       console or an interactive client cannot be told from code.</li>
 *   <li>A role: service-linked roles are {@code aws-service}; otherwise who assumed it (SAML or Identity Center
 *       people, OIDC workloads, AWS services, external accounts, directly or at the origin of the chain) and how
 *       its sessions called (as a credential above; when only workloads begin its chains, an interactive client in
 *       its sessions is theirs, such as a pipeline's CLI). A role only services assume whose sessions call only
 *       through AWS's networks is {@code aws-service}; one only other organisations' principals assume is
 *       {@code external}; people and code both make it {@code mixed}.</li>
 *   <li>A federated subject: OIDC (web identity) subjects are {@code federated-workload}; SAML and Identity Center
 *       users are {@code human}. An external account is {@code external}.</li>
 * </ul>
 * Never seen in the trail is {@code unknown}: granted, but with no behaviour to judge. Every trait kept is read, not
 * only the tracking period's: who is behind an identity does not change while it is idle.
 */
public final class KindClassifier {

    static final String NOT_SEEN = "not seen in CloudTrail in the tracking period";

    private KindClassifier() {
    }

    /** A user's, access key's, role session's or the root's kind from the traits of its calls. */
    public static Verdict ofCredential(Collection<Trait> traits) {
        return ofCredential(traits, traits);
    }

    /**
     * A credential's kind, judged against the hours its person works: an access key's calls against its user's
     * interactive use. Code that runs only within those hours is the person's own script; code outside them, round
     * the clock or from AWS's networks runs unattended.
     *
     * @param traits the credential's own
     * @param person every trait of whoever holds it (for a key, its user's), whose interactive use sets the hours
     */
    public static Verdict ofCredential(Collection<Trait> traits, Collection<Trait> person) {
        UsePattern all = UsePattern.of(traits);
        if (all.empty()) {
            return Verdict.of(IdentityKind.UNKNOWN, NOT_SEEN);
        }
        List<Trait> code = traits.stream().filter(KindClassifier::code).toList();
        WorkingHours hours = WorkingHours.of(person);
        List<Trait> unattended = unattended(code, hours);
        List<String> evidence = new ArrayList<>();
        if (all.consoleSignIn()) {
            evidence.add("signed in to the console");
        }
        if (!all.interactive().isEmpty()) {
            evidence.add("interactive clients: " + String.join(", ", all.interactive()));
        }
        Set<String> automation = UsePattern.of(code).automation();
        if (!automation.isEmpty()) {
            evidence.add("SDK or tool clients: " + String.join(", ", automation));
        }
        if (!unattended.isEmpty()) {
            boolean weekendsOutside = hours.known()
                    && unattended.stream().anyMatch(t -> t.weekend() && !hours.covers(t));
            evidence.addAll(UsePattern.of(unattended).unattendedEvidence(hours, weekendsOutside));
        } else if (!code.isEmpty() && hours.known()) {
            evidence.add("code only on weekdays or within its person's working hours, " + hours);
        }
        if (all.human() || !code.isEmpty() && unattended.isEmpty() && hours.known()) {
            return new Verdict(all.human() && !unattended.isEmpty() ? IdentityKind.MIXED : IdentityKind.HUMAN,
                    evidence);
        }
        if (!automation.isEmpty() || !unattended.isEmpty()) {
            return new Verdict(IdentityKind.WORKLOAD, evidence);
        }
        if (!all.awsService().isEmpty() && all.unknown().isEmpty()) {
            evidence.add("called only through AWS services: " + String.join(", ", all.awsService()));
            return new Verdict(IdentityKind.AWS_SERVICE, evidence);
        }
        evidence.add("clients tell nothing (" + String.join(", ", all.unknown()) + ")");
        return new Verdict(IdentityKind.UNKNOWN, evidence);
    }

    /**
     * The code traits that ran unattended: all of them when they cover the day round the clock or nobody works
     * interactively, else those from AWS's networks or at weekends outside the person's working hours. A weekday
     * evening is a person working late as often as a schedule; a weekend night is a schedule.
     */
    private static List<Trait> unattended(List<Trait> code, WorkingHours hours) {
        if (UsePattern.of(code).roundTheClock() || !hours.known()) {
            return code;
        }
        return code.stream().filter(t -> Networks.isAws(t.network()) || t.weekend() && !hours.covers(t)).toList();
    }

    /**
     * A role's kind.
     *
     * @param serviceLinked whether it is a service-linked role ({@code /aws-service-role/} path)
     * @param assumers      the principals that assumed it, and the origins of their chains (RoleTrail's principal ids)
     * @param external      whether an account id belongs to another organisation
     * @param ownUse        the traits of its sessions' calls
     */
    public static Verdict ofRole(boolean serviceLinked, Collection<String> assumers, Predicate<String> external,
            Collection<Trait> ownUse) {
        if (serviceLinked) {
            return Verdict.of(IdentityKind.AWS_SERVICE, "service-linked role (path /aws-service-role/)");
        }
        Set<String> people = new TreeSet<>();
        Set<String> workloads = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        Set<String> outsiders = new TreeSet<>();
        int insiders = 0;
        for (String assumer : assumers) {
            if (assumer.startsWith("saml:") || assumer.startsWith("identity-center:")) {
                people.add(assumer);
            } else if (assumer.startsWith("web-identity:")) {
                workloads.add(assumer);
            } else if (assumer.startsWith("service:")) {
                services.add(assumer.substring("service:".length()));
            } else if (external.test(accountOf(assumer))) {
                outsiders.add(assumer);
            } else {
                insiders++;
            }
        }
        Verdict own = ofCredential(ownUse);
        // Chains begun only by workloads (OIDC, AWS services): a CLI in their sessions is a pipeline's, not a person's.
        boolean workloadChains = (!workloads.isEmpty() || !services.isEmpty()) && people.isEmpty();
        boolean human = !people.isEmpty()
                || !workloadChains && (own.kind() == IdentityKind.HUMAN || own.kind() == IdentityKind.MIXED);
        boolean code = !workloads.isEmpty() || own.kind() == IdentityKind.WORKLOAD
                || own.kind() == IdentityKind.MIXED || workloadChains && own.kind() == IdentityKind.HUMAN;
        List<String> evidence = new ArrayList<>();
        count(evidence, people.size(), "person signing in through SAML or Identity Center",
                "people signing in through SAML or Identity Center");
        count(evidence, workloads.size(), "OIDC workload", "OIDC workloads");
        if (!services.isEmpty()) {
            evidence.add("assumed by " + String.join(", ", services));
        }
        count(evidence, outsiders.size(), "principal of another organisation", "principals of other organisations");
        if (!ownUse.isEmpty()) {
            own.evidence().forEach(line -> evidence.add("its sessions: " + line));
        }
        boolean onlyOutsiders = !outsiders.isEmpty() && people.isEmpty() && workloads.isEmpty()
                && services.isEmpty() && insiders == 0;
        if (onlyOutsiders) {
            return new Verdict(IdentityKind.EXTERNAL, evidence);
        }
        if (human && code) {
            return new Verdict(IdentityKind.MIXED, evidence);
        }
        if (human) {
            return new Verdict(IdentityKind.HUMAN, evidence);
        }
        if (!services.isEmpty() && people.isEmpty() && workloads.isEmpty() && insiders == 0) {
            boolean serviceOnly = ownUse.isEmpty() || UsePattern.of(ownUse).onlyAwsNetworks();
            return new Verdict(serviceOnly ? IdentityKind.AWS_SERVICE : IdentityKind.WORKLOAD, evidence);
        }
        if (code || !services.isEmpty()) {
            return new Verdict(IdentityKind.WORKLOAD, evidence);
        }
        if (evidence.isEmpty()) {
            evidence.add(NOT_SEEN);
        }
        return new Verdict(IdentityKind.UNKNOWN, evidence);
    }

    /** A federated subject by its principal id: {@code web-identity:}, {@code saml:} or {@code identity-center:}. */
    public static Verdict ofFederated(String id, Collection<Trait> traits) {
        if (id.startsWith("web-identity:")) {
            return Verdict.of(IdentityKind.FEDERATED_WORKLOAD, "OIDC (web identity) subject");
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(id.startsWith("saml:") ? "signs in through a SAML provider" : "an IAM Identity Center user");
        evidence.addAll(ofCredential(traits).evidence());
        return new Verdict(IdentityKind.HUMAN, evidence);
    }

    public static Verdict ofExternalAccount() {
        return Verdict.of(IdentityKind.EXTERNAL, "an account outside the organisation");
    }

    /** Code, or a caller no client says anything about: what could run unattended. */
    private static boolean code(Trait trait) {
        ClientClass type = ClientClass.of(trait.client());
        return type == ClientClass.AUTOMATION || type == ClientClass.UNKNOWN;
    }

    private static void count(List<String> evidence, int n, String one, String many) {
        if (n > 0) {
            evidence.add("assumed by " + (n == 1 ? "1 " + one : n + " " + many));
        }
    }

    /** The account of an ARN or of {@code account:<id>}; null for anything else. */
    static String accountOf(String principal) {
        if (principal.startsWith("account:")) {
            return principal.substring("account:".length());
        }
        if (principal.startsWith("arn:")) {
            String[] parts = principal.split(":", 6);
            return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : null;
        }
        return null;
    }
}
