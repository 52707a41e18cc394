package dev.roletrail.streams.identity;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.UserIdentity;
import dev.roletrail.schemas.cloudtrail.UserIdentity.Attributes;
import dev.roletrail.schemas.cloudtrail.UserIdentity.OnBehalfOf;
import dev.roletrail.schemas.cloudtrail.UserIdentity.SessionContext;
import dev.roletrail.schemas.cloudtrail.UserIdentity.SessionIssuer;
import dev.roletrail.schemas.cloudtrail.UserIdentity.WebIdFederationData;
import dev.roletrail.streams.state.CompactReader;
import dev.roletrail.streams.state.CompactWriter;
import dev.roletrail.streams.state.StateSerde;

/**
 * A {@link CloudTrailRecord} in the compact form, for state that keeps whole records (calls held for their session):
 * its fields in declaration order, with no names; a nested record that is absent is one zero byte, and the three JSON
 * trees (request parameters, response elements, additional event data) are CBOR. A new field goes at the end, under a
 * new {@code CompactSerde} version of the value that holds the record.
 */
final class CloudTrailRecordCodec {

    private CloudTrailRecordCodec() {
    }

    static void write(CloudTrailRecord record, CompactWriter out) {
        out.writeString(record.eventVersion());
        out.writeString(record.eventId());
        out.writeInstant(record.eventTime());
        out.writeString(record.eventSource());
        out.writeString(record.eventName());
        out.writeString(record.eventType());
        out.writeString(record.awsRegion());
        out.writeString(record.sourceIpAddress());
        out.writeString(record.userAgent());
        writeIdentity(record.userIdentity(), out);
        out.writeString(record.errorCode());
        out.writeString(record.errorMessage());
        writeTree(record.requestParameters(), out);
        writeTree(record.responseElements(), out);
        writeTree(record.additionalEventData(), out);
        out.writeString(record.recipientAccountId());
        out.writeByte(record.readOnly() == null ? 0 : record.readOnly() ? 2 : 1);
        out.writeString(record.sharedEventId());
        out.writeString(record.vpcEndpointId());
    }

    static CloudTrailRecord read(CompactReader in) {
        String eventVersion = in.readString();
        String eventId = in.readString();
        var eventTime = in.readInstant();
        String eventSource = in.readString();
        String eventName = in.readString();
        String eventType = in.readString();
        String awsRegion = in.readString();
        String sourceIpAddress = in.readString();
        String userAgent = in.readString();
        UserIdentity identity = readIdentity(in);
        String errorCode = in.readString();
        String errorMessage = in.readString();
        JsonNode requestParameters = readTree(in);
        JsonNode responseElements = readTree(in);
        JsonNode additionalEventData = readTree(in);
        String recipientAccountId = in.readString();
        Boolean readOnly = switch (in.readByte()) {
            case 0 -> null;
            case 1 -> Boolean.FALSE;
            case 2 -> Boolean.TRUE;
            default -> throw new IllegalArgumentException("not a readOnly flag");
        };
        return new CloudTrailRecord(eventVersion, eventId, eventTime, eventSource, eventName, eventType, awsRegion,
                sourceIpAddress, userAgent, identity, errorCode, errorMessage, requestParameters, responseElements,
                additionalEventData, recipientAccountId, readOnly, in.readString(), in.readString());
    }

    private static void writeIdentity(UserIdentity identity, CompactWriter out) {
        out.writeBoolean(identity != null);
        if (identity == null) {
            return;
        }
        out.writeString(identity.type());
        out.writeString(identity.principalId());
        out.writeString(identity.arn());
        out.writeString(identity.accountId());
        out.writeString(identity.accessKeyId());
        out.writeString(identity.userName());
        out.writeString(identity.invokedBy());
        out.writeString(identity.identityProvider());
        out.writeString(identity.credentialId());
        writeSessionContext(identity.sessionContext(), out);
        OnBehalfOf onBehalfOf = identity.onBehalfOf();
        out.writeBoolean(onBehalfOf != null);
        if (onBehalfOf != null) {
            out.writeString(onBehalfOf.userId());
            out.writeString(onBehalfOf.identityStoreArn());
        }
    }

    private static UserIdentity readIdentity(CompactReader in) {
        if (!in.readBoolean()) {
            return null;
        }
        return new UserIdentity(in.readString(), in.readString(), in.readString(), in.readString(), in.readString(),
                in.readString(), in.readString(), in.readString(), in.readString(), readSessionContext(in),
                in.readBoolean() ? new OnBehalfOf(in.readString(), in.readString()) : null);
    }

    private static void writeSessionContext(SessionContext context, CompactWriter out) {
        out.writeBoolean(context != null);
        if (context == null) {
            return;
        }
        SessionIssuer issuer = context.sessionIssuer();
        out.writeBoolean(issuer != null);
        if (issuer != null) {
            out.writeString(issuer.type());
            out.writeString(issuer.principalId());
            out.writeString(issuer.arn());
            out.writeString(issuer.accountId());
            out.writeString(issuer.userName());
        }
        WebIdFederationData federation = context.webIdFederationData();
        out.writeBoolean(federation != null);
        if (federation != null) {
            out.writeString(federation.federatedProvider());
        }
        Attributes attributes = context.attributes();
        out.writeBoolean(attributes != null);
        if (attributes != null) {
            out.writeString(attributes.creationDate());
            out.writeString(attributes.mfaAuthenticated());
        }
        out.writeString(context.sourceIdentity());
        out.writeString(context.ec2RoleDelivery());
    }

    private static SessionContext readSessionContext(CompactReader in) {
        if (!in.readBoolean()) {
            return null;
        }
        SessionIssuer issuer = in.readBoolean() ? new SessionIssuer(in.readString(), in.readString(), in.readString(),
                in.readString(), in.readString()) : null;
        WebIdFederationData federation = in.readBoolean() ? new WebIdFederationData(in.readString()) : null;
        Attributes attributes = in.readBoolean() ? new Attributes(in.readString(), in.readString()) : null;
        return new SessionContext(issuer, federation, attributes, in.readString(), in.readString());
    }

    /** Absent (Java null) stays absent; a JSON null stays a JSON null. */
    private static void writeTree(JsonNode tree, CompactWriter out) {
        out.writeBytes(tree == null ? null : StateSerde.treeToBytes(tree));
    }

    private static JsonNode readTree(CompactReader in) {
        byte[] bytes = in.readBytes();
        return bytes == null ? null : StateSerde.bytesToTree(bytes);
    }
}
