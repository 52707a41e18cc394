package dev.roletrail.schemas.cloudtrail;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * CloudTrail's {@code userIdentity} in all its shapes (IAMUser, AssumedRole, Root, FederatedUser, AWSService,
 * AWSAccount, SAMLUser, WebIdentityUser, IdentityCenterUser, Unknown); which fields are set depends on the type.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserIdentity(
        String type,
        String principalId,
        String arn,
        String accountId,
        String accessKeyId,
        String userName,
        String invokedBy,
        String identityProvider,
        String credentialId,
        SessionContext sessionContext,
        OnBehalfOf onBehalfOf) {

    /** The session's context: who issued it, when it was created, with MFA or not, and the source identity. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionContext(
            SessionIssuer sessionIssuer,
            WebIdFederationData webIdFederationData,
            Attributes attributes,
            String sourceIdentity,
            String ec2RoleDelivery) {
    }

    /** The role (or federated user's IAM user) a temporary session was issued for. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionIssuer(String type, String principalId, String arn, String accountId, String userName) {
    }

    /** The identity provider behind a web-identity session. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WebIdFederationData(String federatedProvider) {
    }

    /** Session attributes; CloudTrail writes both values as strings. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attributes(String creationDate, String mfaAuthenticated) {
    }

    /** The IAM Identity Center user an {@code IdentityCenterUser} identity acts for. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OnBehalfOf(String userId, String identityStoreArn) {
    }
}
