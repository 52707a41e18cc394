package dev.roletrail.simulator.truth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.SerializationFeature;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.identity.IdentityKind;

/**
 * {@code ground-truth.json}: which findings should be open when RoleTrail evaluates the end of the simulated period,
 * computed by the simulator from its inventory and the trail it wrote ({@link TruthRules}), and the kind and owner of
 * every identity it knows ({@link IdentityRules}).
 *
 * @param at            the evaluation: the day boundary after the newest event, as RoleTrail's last one
 * @param observedSince the oldest event of the trail: per-action and per-assumer findings are expected only when it
 *                      is at or before {@code at} − tracking period, as RoleTrail waits for its observations to cover
 *                      the period
 * @param open          every finding that should be open, least-privilege policies included
 * @param policies      the actions each least-privilege policy should allow
 * @param identities    every identity the simulator knows, with its kind and owner (empty in a file written before
 *                      there were any)
 */
public record GroundTruth(Instant at, Instant observedSince, long trackingDays, List<ExpectedFinding> open,
        List<ExpectedPolicy> policies, List<ExpectedIdentity> identities) {

    public static final String FILE = "ground-truth.json";

    public GroundTruth {
        Objects.requireNonNull(at, "at");
        open = List.copyOf(open);
        policies = List.copyOf(policies);
        identities = identities == null ? List.of() : List.copyOf(identities);
    }

    /** A truth without identities. */
    public GroundTruth(Instant at, Instant observedSince, long trackingDays, List<ExpectedFinding> open,
            List<ExpectedPolicy> policies) {
        this(at, observedSince, trackingDays, open, policies, List.of());
    }

    public List<ExpectedFinding> open(FindingKind kind) {
        return open.stream().filter(f -> f.kind() == kind).toList();
    }

    public List<ExpectedIdentity> identities(IdentityKind kind) {
        return identities.stream().filter(i -> i.kind() == kind).toList();
    }

    public byte[] toJson() {
        try {
            return Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GroundTruth fromJson(byte[] json) {
        try {
            return Json.mapper().readValue(json, GroundTruth.class);
        } catch (IOException e) {
            throw new UncheckedIOException(FILE + " cannot be read: " + e.getMessage(), e);
        }
    }
}
