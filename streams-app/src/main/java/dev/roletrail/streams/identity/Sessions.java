package dev.roletrail.streams.identity;

import java.util.regex.Pattern;

import dev.roletrail.schemas.cloudtrail.UserIdentity;

/** Facts about the session an event was signed in that CloudTrail states directly. */
public final class Sessions {

    private static final Pattern INSTANCE_ID = Pattern.compile("^i-[0-9a-fA-F]{8,17}$");

    private Sessions() {
    }

    /** The role session name: the last part of an assumed-role ARN, or null. */
    public static String sessionName(Observation observation) {
        UserIdentity identity = observation.event().userIdentity();
        String arn = identity == null ? null : identity.arn();
        if (arn == null || !arn.contains(":assumed-role/")) {
            return null;
        }
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** EC2 instance-profile credentials: the session is named after the instance, or EC2 delivered them. */
    public static boolean isInstanceRoleSession(Observation observation) {
        UserIdentity identity = observation.event().userIdentity();
        if (identity != null && identity.sessionContext() != null
                && identity.sessionContext().ec2RoleDelivery() != null) {
            return true;
        }
        String name = sessionName(observation);
        return name != null && INSTANCE_ID.matcher(name).matches();
    }

    /** Calls AWS services make on a principal's behalf carry the service's name, not a network. */
    public static boolean isServiceNetwork(String network) {
        return network == null || network.equals("AWS Internal") || network.endsWith(".amazonaws.com")
                || network.equals("unknown");
    }
}
