package dev.roletrail.streams.report;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.roletrail.schemas.identity.CredentialKind;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.IdentityKind;

/**
 * The report's identity inventory section (PRODUCT.md §6a), derived from the scope's identities: how many of each
 * kind, and of each kind by credential kind (every kind and credential kind, zeros included, in declaration order);
 * the identities without an owner or whose owner is gone (orphaned: an inactive IAM user, or no IAM user at all); and the workloads still on long-lived access keys.
 *
 * @param byKind              kind id → identities of that kind
 * @param byKindAndCredential kind id → credential kind id → identities
 * @param withoutOwner        no owner, or an orphaned one; by id
 * @param workloadsOnKeys     kind {@code workload} with a long-lived access key; by id
 */
public record IdentityInventory(Map<String, Long> byKind, Map<String, Map<String, Long>> byKindAndCredential,
        List<Identity> withoutOwner, List<Identity> workloadsOnKeys) {

    private static final Set<CredentialKind> LONG_LIVED = Set.of(CredentialKind.LONG_LIVED_KEY,
            CredentialKind.PASSWORD_AND_LONG_LIVED_KEY);

    public IdentityInventory {
        byKind = Collections.unmodifiableMap(new LinkedHashMap<>(byKind));
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        byKindAndCredential.forEach((kind, counts) -> copy.put(kind,
                Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
        byKindAndCredential = Collections.unmodifiableMap(copy);
        withoutOwner = List.copyOf(withoutOwner);
        workloadsOnKeys = List.copyOf(workloadsOnKeys);
    }

    static IdentityInventory of(List<Identity> identities) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        Map<String, Map<String, Long>> byKindAndCredential = new LinkedHashMap<>();
        for (IdentityKind kind : IdentityKind.values()) {
            List<Identity> ofKind = identities.stream().filter(i -> i.kind() == kind).toList();
            byKind.put(kind.id(), (long) ofKind.size());
            Map<String, Long> byCredential = new LinkedHashMap<>();
            for (CredentialKind credential : CredentialKind.values()) {
                byCredential.put(credential.id(), ofKind.stream().filter(i -> i.credential() == credential).count());
            }
            byKindAndCredential.put(kind.id(), byCredential);
        }
        Comparator<Identity> byId = Comparator.comparing(Identity::id);
        return new IdentityInventory(byKind, byKindAndCredential,
                identities.stream().filter(i -> i.owner() == null || orphaned(i)).sorted(byId).toList(),
                identities.stream().filter(IdentityInventory::workloadOnKey).sorted(byId).toList());
    }

    /** The owner is an IAM user gone quiet, or names no IAM user. */
    static boolean orphaned(Identity identity) {
        return identity.owner() != null && identity.ownerGone() != null;
    }

    static boolean workloadOnKey(Identity identity) {
        return identity.kind() == IdentityKind.WORKLOAD && LONG_LIVED.contains(identity.credential());
    }

    /** The owner as the report words it: {@code none}, the owner, or the owner marked orphaned. */
    static String ownerWords(Identity identity) {
        if (identity.owner() == null) {
            return "none";
        }
        return identity.owner() + " (" + identity.ownerSource() + (orphaned(identity) ? ", orphaned)" : ")");
    }

    /** When IAM created it, or {@code not known} (granted before the inventory began, or never granted). */
    static String createdWords(Identity identity) {
        return identity.created() == null ? "not known" : ReportText.day(identity.created());
    }

    /** Total identities. */
    long total() {
        return byKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
