package dev.roletrail.schemas.identity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A temporary-credential session and where it came from (topic {@code roletrail.sessions}, key: the principal the
 * session acts as, so it lands where that principal's events are processed).
 *
 * @param keyId          the temporary access key id ({@code ASIA...}) every call of the session is signed with
 * @param actingAs       the principal id the session acts as: the role ARN, or the user / federated user
 * @param origin         the human or workload that started the chain: an IAM user, SAML / OIDC subject, AWS service,
 *                       external account or root
 * @param chain          principal ids from the origin to {@code actingAs}, in order
 * @param sourceIdentity the sts source identity set on the chain, or null
 * @param issuedBy       the STS call that created it: AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity,
 *                       GetSessionToken, GetFederationToken
 * @param sessionName    the role session name, or null
 * @param issuedFrom     the network the issuing call came from
 * @param issuingEventId the CloudTrail eventID of the issuing call
 */
public record Session(
        String keyId,
        String actingAs,
        String origin,
        List<String> chain,
        String sourceIdentity,
        String issuedBy,
        String sessionName,
        Instant issuedAt,
        Instant expiresAt,
        String issuedFrom,
        String issuingEventId) {

    public Session {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(actingAs, "actingAs");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(issuedAt, "issuedAt");
        chain = chain == null ? List.of() : List.copyOf(chain);
    }
}
