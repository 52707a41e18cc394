package dev.roletrail.simulator.org;

/** Who a role's trust policy lets in, which decides who assumes it in benign traffic. */
public enum RoleKind {
    /** IAM users of the same account. */
    SAME_ACCOUNT,
    /** IAM users of another organisation account. */
    CROSS_ACCOUNT,
    /** People signing in through the SAML identity provider (SSO). */
    SAML,
    /** CI pipelines through GitHub's OIDC provider, per repository and branch. */
    OIDC_DEPLOY,
    /** Assumed by the CI deploy role's sessions in another account: the chain origin → Deploy → Target. */
    CHAIN_TARGET,
    /** EC2 instance profiles. */
    EC2_SERVICE,
    /** Lambda execution roles. */
    LAMBDA_SERVICE,
    /** Emergency access, never used in benign traffic. */
    BREAK_GLASS,
    /** Admin roles a few administrators assume now and then. */
    ADMIN,
    /** Trusted external vendor accounts. */
    VENDOR,
    /** In the inventory only: nothing assumes it. */
    UNUSED,
    /**
     * A service-linked role (path {@code /aws-service-role/<service>/}): only its AWS service assumes it, and acts
     * with it from the service's own name.
     */
    SERVICE_LINKED
}
