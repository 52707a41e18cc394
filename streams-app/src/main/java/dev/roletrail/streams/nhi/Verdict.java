package dev.roletrail.streams.nhi;

import java.util.List;
import java.util.Objects;

import dev.roletrail.schemas.identity.IdentityKind;

/** An identity's inferred kind and the facts it rests on, one short line each. */
public record Verdict(IdentityKind kind, List<String> evidence) {

    public Verdict {
        Objects.requireNonNull(kind, "kind");
        evidence = List.copyOf(evidence);
    }

    static Verdict of(IdentityKind kind, String... evidence) {
        return new Verdict(kind, List.of(evidence));
    }
}
