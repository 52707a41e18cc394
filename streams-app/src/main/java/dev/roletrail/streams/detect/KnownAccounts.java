package dev.roletrail.streams.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.roletrail.schemas.config.Settings;

/**
 * The accounts RoleTrail knows: the organisation's ({@code org.accounts}) and the external accounts trusted on purpose
 * ({@code org.trusted-external-accounts}).
 * <pre>
 * external(a) ⇔ a ∉ organisation ∪ trusted            when org.accounts is set
 * external(a) ⇔ a ∉ {local accounts of the event} ∪ trusted   when it is empty
 * </pre>
 * The local accounts are the ones the event itself shows to be ours (the recipient account, the assumed role's
 * account), so an unconfigured deployment still tells its own accounts from others.
 */
public record KnownAccounts(Set<String> organization, Set<String> trusted) {

    public KnownAccounts {
        organization = Set.copyOf(organization);
        trusted = Set.copyOf(trusted);
    }

    public static KnownAccounts from(DetectorSettings settings) {
        return from(settings.settings());
    }

    /** From {@code org.accounts} and {@code org.trusted-external-accounts}. */
    public static KnownAccounts from(Settings settings) {
        return new KnownAccounts(Set.copyOf(settings.list("org.accounts")),
                Set.copyOf(settings.list("org.trusted-external-accounts")));
    }

    /** Whether the account belongs to the organisation (or, with none configured, is one of the local accounts). */
    public boolean inOrganization(String account, String... localAccounts) {
        if (account == null) {
            return false;
        }
        if (!organization.isEmpty()) {
            return organization.contains(account);
        }
        for (String local : localAccounts) {
            if (account.equals(local)) {
                return true;
            }
        }
        return false;
    }

    public boolean isExternal(String account, String... localAccounts) {
        return account != null && !inOrganization(account, localAccounts) && !trusted.contains(account);
    }

    /** The known accounts in words, for an alert's baseline. */
    public String describe(String... localAccounts) {
        String org = organization.isEmpty()
                ? "no org.accounts configured, so only " + String.join(" and ", distinct(localAccounts))
                        + " counts as ours"
                : organization.size() + " organisation account" + (organization.size() == 1 ? "" : "s");
        return org + "; " + trusted.size() + " trusted external account" + (trusted.size() == 1 ? "" : "s");
    }

    private static List<String> distinct(String... values) {
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).distinct().toList();
    }
}
