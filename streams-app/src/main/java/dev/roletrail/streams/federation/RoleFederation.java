package dev.roletrail.streams.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Identity providers and subjects that have assumed a role through SAML or web identity (store
 * {@code role-federation}, key: role ARN); subjects are {@code provider|subject}, at most {@code cap} remembered.
 */
public record RoleFederation(String role, Instant firstSeen, List<String> providers, List<String> subjects) {

    public RoleFederation {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(firstSeen, "firstSeen");
        providers = List.copyOf(providers);
        subjects = List.copyOf(subjects);
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
        return new RoleFederation(role, at.isBefore(firstSeen) ? at : firstSeen, nextProviders, nextSubjects);
    }
}
