package dev.roletrail.simulator.traffic;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Who makes a call and from where: the CloudTrail {@code userIdentity}, the account that receives the call, the
 * source address (an IP or an AWS service name) and the user agent.
 */
public record Caller(ObjectNode identity, String account, String region, String sourceIp, String userAgent) {

    public Caller {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** The same caller from another address or with another client. */
    public Caller from(String ip, String agent) {
        return new Caller(identity, account, region, ip, agent);
    }

    public Caller inRegion(String otherRegion) {
        return new Caller(identity, account, otherRegion, sourceIp, userAgent);
    }
}
