package dev.roletrail.streams.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.roletrail.streams.detect.EventEvidence;

/**
 * Identity providers and subjects that have assumed a role through SAML or web identity (store
 * {@code role-federation}, key: role ARN); subjects are {@code provider|subject}, at most {@code cap} remembered.
 * {@code pending}: subjects first seen while the role seemed to be learning ({@link PendingSubject}); a value stored by
 * an earlier version has none.
 */
public record RoleFederation(String role, Instant firstSeen, List<String> providers, List<String> subjects,
        List<PendingSubject> pending) {

    public RoleFederation {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(firstSeen, "firstSeen");
        providers = List.copyOf(providers);
        subjects = List.copyOf(subjects);
        pending = pending == null ? List.of() : List.copyOf(pending);
    }

    public RoleFederation(String role, Instant firstSeen, List<String> providers, List<String> subjects) {
        this(role, firstSeen, providers, subjects, List.of());
    }

    public static RoleFederation first(String role, Instant at, String provider, String subject) {
        return new RoleFederation(role, at, List.of(provider), List.of(provider + "|" + subject));
    }

    public boolean knowsProvider(String provider) {
        return providers.contains(provider);
    }

    public boolean knowsSubject(String provider, String subject) {
        return subjects.contains(provider + "|" + subject);
    }

    public RoleFederation with(String provider, String subject, Instant at, int cap) {
        List<String> nextProviders = new ArrayList<>(providers);
        if (!knowsProvider(provider) && nextProviders.size() < cap) {
            nextProviders.add(provider);
        }
        List<String> nextSubjects = new ArrayList<>(subjects);
        if (!knowsSubject(provider, subject) && nextSubjects.size() < cap) {
            nextSubjects.add(provider + "|" + subject);
        }
        return new RoleFederation(role, at.isBefore(firstSeen) ? at : firstSeen, nextProviders, nextSubjects,
                pending);
    }

    /** Keeps the subject pending; past {@code cap}, the pending subject first seen earliest goes (the least likely). */
    public RoleFederation withPending(PendingSubject subject, int cap) {
        List<PendingSubject> next = new ArrayList<>(pending);
        next.add(subject);
        next.sort(Comparator.comparing(PendingSubject::firstAt));
        return new RoleFederation(role, firstSeen, providers, subjects,
                next.subList(Math.max(0, next.size() - cap), next.size()));
    }

    /** An assumption of the role by {@code provider} and {@code subject}, told to the pending subjects it may concern. */
    public RoleFederation seenAt(String provider, String subject, EventEvidence evidence) {
        return new RoleFederation(role, firstSeen, providers, subjects,
                pending.stream().map(p -> p.seenAt(provider, subject, evidence)).toList());
    }

    /** Without the given pending subjects (alerted), nor those first seen before {@code before} (waited long enough). */
    public RoleFederation withoutPending(Collection<PendingSubject> done, Instant before) {
        return new RoleFederation(role, firstSeen, providers, subjects, pending.stream()
                .filter(p -> !done.contains(p) && !p.firstAt().isBefore(before)).toList());
    }
}
