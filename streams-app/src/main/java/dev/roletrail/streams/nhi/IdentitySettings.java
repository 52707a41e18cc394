package dev.roletrail.streams.nhi;

import java.util.List;

import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;

/**
 * Parameters of the identity inventory ({@code identities.*}).
 *
 * @param ownerTags                  IAM tag keys that name an owner, the first present wins; keys are
 *                                   case-sensitive in IAM, so both spellings are listed by default
 * @param ownersAreIamUsers          whether the organisation's people are IAM users: then an owner that looks like
 *                                   a person (an email, a {@code user/} name) but is no IAM user has left, and the
 *                                   identity is unowned; off, such an owner cannot be checked and counts as an owner
 * @param sharedCredentialMinNetworks a long-term key used from this many networks (none of them AWS's) within one
 *                                   day of its latest use is shared, whoever uses it
 */
public record IdentitySettings(List<String> ownerTags, boolean ownersAreIamUsers, int sharedCredentialMinNetworks) {

    public static final List<String> DEFAULT_OWNER_TAGS = List.of("owner", "team", "Owner", "Team");

    public IdentitySettings {
        ownerTags = List.copyOf(ownerTags);
        if (ownerTags.isEmpty()) {
            throw new InvalidConfigException("identities.owner-tags must name at least one tag key");
        }
    }

    public static IdentitySettings defaults() {
        return from(Settings.of(java.util.Map.of()));
    }

    public static IdentitySettings from(Settings settings) {
        return new IdentitySettings(settings.list("identities.owner-tags", DEFAULT_OWNER_TAGS),
                settings.bool("identities.owners-are-iam-users", false),
                settings.integer("identities.shared-credential.min-networks", 4, 2, 1_000));
    }
}
