package dev.roletrail.schemas.cloudtrail;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * One CloudTrail record, as much of it as RoleTrail reads. Tolerant: unknown fields are ignored and every field may
 * be absent (fields vary by event version and service); {@link CloudTrailRecords} says which absences make a record
 * unusable. {@code requestParameters}, {@code responseElements} and {@code additionalEventData} stay JSON trees
 * because their shape depends on the API called; treat them as read-only. {@code vpcEndpointId} is set when the call
 * came through a VPC endpoint (then {@code sourceIPAddress} is a private address of that VPC).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudTrailRecord(
        String eventVersion,
        @JsonProperty("eventID") String eventId,
        @JsonDeserialize(using = EventTimeDeserializer.class) Instant eventTime,
        String eventSource,
        String eventName,
        String eventType,
        String awsRegion,
        @JsonProperty("sourceIPAddress") String sourceIpAddress,
        String userAgent,
        UserIdentity userIdentity,
        String errorCode,
        String errorMessage,
        JsonNode requestParameters,
        JsonNode responseElements,
        JsonNode additionalEventData,
        String recipientAccountId,
        Boolean readOnly,
        @JsonProperty("sharedEventID") String sharedEventId,
        String vpcEndpointId) {

    /** Whether the call was refused or failed (CloudTrail sets errorCode only then). */
    public boolean failed() {
        return errorCode != null && !errorCode.isEmpty();
    }

    /** A text field of {@code requestParameters}, or null when absent. */
    public String requestParameter(String name) {
        return textAt(requestParameters, name);
    }

    /** A text field of {@code responseElements} found by a JSON pointer such as {@code /credentials/accessKeyId}. */
    public String responseElement(String pointer) {
        if (responseElements == null) {
            return null;
        }
        JsonNode node = responseElements.at(pointer);
        return node.isValueNode() ? node.asText() : null;
    }

    private static String textAt(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isValueNode() ? value.asText() : null;
    }
}
