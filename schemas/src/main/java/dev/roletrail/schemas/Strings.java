package dev.roletrail.schemas;

/** Small string helpers for fields CloudTrail may leave absent, null or empty. */
public final class Strings {

    private Strings() {
    }

    /** The first value that is neither null nor blank, or null when there is none. */
    public static String firstNonBlank(String... values) {
        for (String value : values) {
            if (!isBlank(value)) {
                return value;
            }
        }
        return null;
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
