package dev.roletrail.streams.siem;

import java.util.List;
import java.util.Locale;

import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;

/**
 * What the streams app forwards to the SIEM topic ({@code siem.forward}): {@code findings} (alerts as Detection
 * Findings and unused-access findings as IAM Analysis Findings), {@code identity-activity} (STS, console sign-in and
 * IAM key and trust changes, with their session lineage), both, or {@code none}.
 */
public record SiemForward(boolean findings, boolean identityActivity) {

    public static final String SETTING = "siem.forward";
    public static final String DEFAULT = "findings";

    private static final String FINDINGS = "findings";
    private static final String IDENTITY_ACTIVITY = "identity-activity";
    private static final String NONE = "none";

    public static SiemForward from(Settings settings) {
        return parse(settings.list(SETTING, List.of(DEFAULT)));
    }

    /** Parses a comma-separated list of {@code findings} and {@code identity-activity}, or {@code none}. */
    public static SiemForward parse(List<String> values) {
        boolean findings = false;
        boolean identityActivity = false;
        boolean none = false;
        for (String value : values) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case FINDINGS -> findings = true;
                case IDENTITY_ACTIVITY -> identityActivity = true;
                case NONE -> none = true;
                default -> throw invalid(values);
            }
        }
        if (values.isEmpty() || (none && (findings || identityActivity))) {
            throw invalid(values);
        }
        return new SiemForward(findings, identityActivity);
    }

    public boolean any() {
        return findings || identityActivity;
    }

    private static InvalidConfigException invalid(List<String> values) {
        return new InvalidConfigException(SETTING + " must be none, findings, identity-activity or"
                + " findings,identity-activity, was '" + String.join(",", values) + "'");
    }
}
