package dev.roletrail.streams.identity;

import java.util.regex.Pattern;

import dev.roletrail.schemas.cloudtrail.UserIdentity;
import dev.roletrail.schemas.identity.Session;

/** Facts about the session an event was signed in that CloudTrail states directly. */
public final class Sessions {

    /** How {@link dev.roletrail.schemas.cloudtrail.Principals} names an AWS service principal. */
    private static final String SERVICE_PRINCIPAL = "service:";
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

    /**
     * Workload credentials, whose home is AWS itself: an EC2 instance-role session (recognised from the event alone),
     * or a session an AWS service issued directly (EC2, Lambda, ECS tasks, ...: the issuing AssumeRole was observed
     * with {@code userIdentity.type = AWSService}), whether or not the session is named after an instance.
     */
    public static boolean isWorkloadSession(Observation observation) {
        if (isInstanceRoleSession(observation)) {
            return true;
        }
        Session session = observation.lineage().session();
        return session != null && session.chain().size() == 2 && session.origin().startsWith(SERVICE_PRINCIPAL)
                && isServiceNetwork(session.issuedFrom());
    }

    /** "EC2 instance-role", or "ecs-tasks.amazonaws.com-issued" for a session an AWS service issued. */
    public static String workloadKind(Observation observation) {
        String service = issuingService(observation);
        return isInstanceRoleSession(observation) || service == null || "ec2.amazonaws.com".equals(service)
                ? "EC2 instance-role" : service + "-issued";
    }

    /** The AWS service that issued the session directly ("ec2.amazonaws.com"), or null. */
    public static String issuingService(Observation observation) {
        Session session = observation.lineage().session();
        return session != null && session.origin().startsWith(SERVICE_PRINCIPAL)
                ? session.origin().substring(SERVICE_PRINCIPAL.length()) : null;
    }

    /** Calls AWS services make on a principal's behalf carry the service's name, not a network. */
    public static boolean isServiceNetwork(String network) {
        return network == null || network.equals("AWS Internal") || network.endsWith(".amazonaws.com")
                || network.equals("unknown");
    }
}
