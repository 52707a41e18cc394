package dev.roletrail.schemas;

import java.util.Locale;

/**
 * The wire id of an enum constant, its name in lower case with hyphens ({@code FEDERATED_WORKLOAD} →
 * {@code federated-workload}), used on topics, in the query API, reports and configuration; and the way back.
 */
public final class WireIds {

    private WireIds() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant whose wire id is {@code id}.
     *
     * @param what what the id names, for the message: "finding kind"
     * @throws IllegalArgumentException naming the id when no constant has it
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String id, String what) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(id)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + id + "'");
    }
}
