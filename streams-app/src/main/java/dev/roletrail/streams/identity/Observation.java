package dev.roletrail.streams.identity;

import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.identity.Session;

/**
 * One CloudTrail event as the detectors see it: the record, its acting principal and its lineage.
 * Key in the topology: the principal id.
 * <p>
 * A value class rather than a record only so that what is derived from the event (network, user-agent family, role
 * assumption, AssumeRole call, issued session) is computed once per observation, on first use, however many
 * detectors ask: a record cannot hold those. They are not serialised: through repartitions and stores an observation
 * is still {@code event}, {@code principal} and {@code lineage}, as before. Equality is over those three only.
 */
@JsonPropertyOrder({"event", "principal", "lineage"})
public final class Observation {

    private final CloudTrailRecord event;
    private final Principal principal;
    private final Lineage lineage;

    // Derived from the event on first use; the stream thread that holds the observation is the only reader.
    private String network;
    private String userAgentFamily;
    private Optional<RoleAssumption> roleAssumption;
    private Optional<AssumeRoleCall> assumeRoleCall;
    private Optional<Session> issuedSession;

    @JsonCreator
    public Observation(@JsonProperty("event") CloudTrailRecord event, @JsonProperty("principal") Principal principal,
            @JsonProperty("lineage") Lineage lineage) {
        this.event = Objects.requireNonNull(event, "event");
        this.principal = Objects.requireNonNull(principal, "principal");
        this.lineage = Objects.requireNonNull(lineage, "lineage");
    }

    @JsonProperty("event")
    public CloudTrailRecord event() {
        return event;
    }

    @JsonProperty("principal")
    public Principal principal() {
        return principal;
    }

    @JsonProperty("lineage")
    public Lineage lineage() {
        return lineage;
    }

    /** The access key the call was signed with, or null (console sessions and some services sign without one). */
    public String accessKeyId() {
        String key = event.userIdentity() == null ? null : event.userIdentity().accessKeyId();
        return key == null || key.isBlank() ? null : key;
    }

    /** Long-term keys start with AKIA; temporary (session) keys with ASIA. */
    public boolean longTermKey() {
        return isLongTermKey(accessKeyId());
    }

    /** Whether a key id is a long-term access key's ({@code AKIA...}). */
    public static boolean isLongTermKey(String keyId) {
        return keyId != null && keyId.startsWith("AKIA");
    }

    public boolean temporaryKey() {
        String key = accessKeyId();
        return key != null && key.startsWith("ASIA");
    }

    /** {@link Networks#of(CloudTrailRecord)} of the event. */
    public String network() {
        if (network == null) {
            network = Networks.of(event);
        }
        return network;
    }

    /** {@link UserAgents#family} of the event's user agent. */
    public String userAgentFamily() {
        if (userAgentFamily == null) {
            userAgentFamily = UserAgents.family(event.userAgent());
        }
        return userAgentFamily;
    }

    /** {@link RoleAssumption#from} the event. */
    public Optional<RoleAssumption> roleAssumption() {
        if (roleAssumption == null) {
            roleAssumption = RoleAssumption.from(event);
        }
        return roleAssumption;
    }

    /** {@link AssumeRoleCall#from} the event. */
    public Optional<AssumeRoleCall> assumeRoleCall() {
        if (assumeRoleCall == null) {
            assumeRoleCall = AssumeRoleCall.from(event);
        }
        return assumeRoleCall;
    }

    /** {@link SessionIssuance#from} this observation: the session the call issued, if it issued one. */
    public Optional<Session> issuedSession() {
        if (issuedSession == null) {
            issuedSession = SessionIssuance.from(this);
        }
        return issuedSession;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Observation o && event.equals(o.event) && principal.equals(o.principal)
                && lineage.equals(o.lineage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, principal, lineage);
    }

    @Override
    public String toString() {
        return "Observation[event=" + event + ", principal=" + principal + ", lineage=" + lineage + "]";
    }
}
