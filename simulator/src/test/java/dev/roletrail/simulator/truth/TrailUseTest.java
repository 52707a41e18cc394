package dev.roletrail.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class TrailUseTest {

    private static final Instant T = Instant.parse("2026-09-20T10:00:00Z");
    private static final String ROLE = "arn:aws:iam::210002000006:role/ReadOnly";
    private static final String ALICE = "arn:aws:iam::210001000003:user/alice";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final TrailUse trail = new TrailUse();

    @Test
    void shouldCountACrossAccountAssumptionOnceForItsCallerNotTheOwnersCopy() {
        ObjectNode callerCopy = assume(NODES.objectNode().put("type", "IAMUser").put("arn", ALICE), "ASIAONE");
        ObjectNode ownerCopy = assume(NODES.objectNode().put("type", "AWSAccount").put("accountId", "210001000003"),
                "ASIAONE").put("sharedEventID", "e-1");
        trail.observe(callerCopy);
        trail.observe(ownerCopy);
        trail.observe(call(session("ASIAONE"), "ec2.amazonaws.com", "DescribeVpcs"));

        TrailUse.Snapshot use = trail.snapshot();
        assertThat(use.assumers().get(ROLE)).containsOnlyKeys(ALICE);
        assertThat(use.assumerActions()).containsOnlyKeys(TrailUse.pair(ROLE, ALICE));
    }

    @Test
    void shouldLeaveASessionWhoseIssuanceIsNotInTheTrailWithoutAssumer() {
        trail.observe(call(session("ASIASTOLEN"), "ec2.amazonaws.com", "DescribeVpcs"));

        TrailUse.Snapshot use = trail.snapshot();
        assertThat(use.actions()).isEqualTo(Map.of(ROLE, Map.of("ec2:DescribeVpcs", T)));
        assertThat(use.assumerActions()).isEmpty();
    }

    @Test
    void shouldCountNoActionForARefusedCallButTheCallerIsActive() {
        ObjectNode refused = call(NODES.objectNode().put("type", "IAMUser").put("arn", ALICE), "iam.amazonaws.com",
                "ListUsers").put("errorCode", "AccessDenied");
        trail.observe(refused);

        assertThat(trail.snapshot().actions()).isEmpty();
        assertThat(trail.snapshot().lastActive()).containsEntry(ALICE, T);
    }

    @Test
    void shouldNameTheClientToolWithoutVersionOrPlatform() {
        assertThat(TrailUse.client("aws-cli/2.17.0 Python/3.11.9 Linux/6.5.0")).isEqualTo("aws-cli");
        assertThat(TrailUse.client("Boto3/1.34.69 md/Botocore#1.34.69")).isEqualTo("boto3");
        assertThat(TrailUse.client("ec2.amazonaws.com")).isEqualTo("ec2.amazonaws.com");
    }

    private static ObjectNode session(String key) {
        ObjectNode identity = NODES.objectNode().put("type", "AssumedRole").put("accessKeyId", key);
        identity.putObject("sessionContext").putObject("sessionIssuer").put("arn", ROLE);
        return identity;
    }

    private static ObjectNode call(ObjectNode identity, String source, String name) {
        ObjectNode event = NODES.objectNode();
        event.set("userIdentity", identity);
        return event.put("eventTime", T.toString()).put("eventSource", source).put("eventName", name)
                .put("sourceIPAddress", "198.51.100.7").put("userAgent", "aws-cli/2.17.0");
    }

    private static ObjectNode assume(ObjectNode identity, String issuedKey) {
        ObjectNode event = call(identity, "sts.amazonaws.com", "AssumeRole");
        event.putObject("requestParameters").put("roleArn", ROLE);
        event.putObject("responseElements").putObject("credentials").put("accessKeyId", issuedKey);
        return event;
    }
}
