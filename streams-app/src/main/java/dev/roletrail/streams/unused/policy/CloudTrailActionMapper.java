package dev.roletrail.streams.unused.policy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a CloudTrail call ({@code eventSource}, {@code eventName}) to the IAM action that authorised it,
 * {@code service:Action}. Mostly the service prefix is the event source's first label and the action the event name;
 * the exceptions:
 * <ul>
 *   <li>event sources whose IAM prefix differs ({@code monitoring} → {@code cloudwatch}, {@code email} → {@code ses},
 *       {@code tagging} → {@code tag});</li>
 *   <li>API version suffixes in event names ({@code CreateFunction20150331}, {@code GetFunction20150331v2});</li>
 *   <li>S3 calls named after the REST operation rather than the permission ({@code ListBuckets} →
 *       {@code s3:ListAllMyBuckets}, {@code HeadObject} → {@code s3:GetObject}, ...);</li>
 *   <li>calls no identity policy can grant or deny: console sign-in ({@code signin} ConsoleLogin), and
 *       {@code sts:GetCallerIdentity}, which needs no permission.</li>
 * </ul>
 * STS AssumeRole* map to {@code sts:AssumeRole...}, an action of the caller: it is checked against the caller's
 * identity policy (and the role's trust policy), so it counts as the caller's use. Data events (S3 object calls,
 * Lambda Invoke, DynamoDB items) map like any call when a trail logs them; most trails do not, which the catalogue
 * marks as not observable.
 */
public final class CloudTrailActionMapper {

    private static final Map<String, String> SERVICE_PREFIX = Map.of(
            "monitoring", "cloudwatch",
            "email", "ses",
            "tagging", "tag",
            "api.ecr", "ecr",
            "ecr-public", "ecr-public");

    private static final Set<String> NO_IAM_ACTION_SOURCES = Set.of("signin", "health", "sso-directory");

    private static final Set<String> NO_PERMISSION_NEEDED = Set.of("sts:GetCallerIdentity");

    private static final Map<String, String> S3_EVENT_TO_ACTION = Map.ofEntries(
            Map.entry("ListBuckets", "ListAllMyBuckets"),
            Map.entry("HeadBucket", "ListBucket"),
            Map.entry("ListObjects", "ListBucket"),
            Map.entry("ListObjectsV2", "ListBucket"),
            Map.entry("ListObjectVersions", "ListBucketVersions"),
            Map.entry("HeadObject", "GetObject"),
            Map.entry("CreateMultipartUpload", "PutObject"),
            Map.entry("UploadPart", "PutObject"),
            Map.entry("UploadPartCopy", "PutObject"),
            Map.entry("CompleteMultipartUpload", "PutObject"),
            Map.entry("CopyObject", "PutObject"),
            Map.entry("DeleteObjects", "DeleteObject"),
            Map.entry("GetBucketEncryption", "GetEncryptionConfiguration"),
            Map.entry("PutBucketEncryption", "PutEncryptionConfiguration"),
            Map.entry("DeleteBucketEncryption", "PutEncryptionConfiguration"),
            Map.entry("GetBucketLifecycle", "GetLifecycleConfiguration"),
            Map.entry("GetBucketLifecycleConfiguration", "GetLifecycleConfiguration"),
            Map.entry("PutBucketLifecycle", "PutLifecycleConfiguration"),
            Map.entry("PutBucketLifecycleConfiguration", "PutLifecycleConfiguration"),
            Map.entry("DeleteBucketLifecycle", "PutLifecycleConfiguration"),
            Map.entry("GetBucketReplication", "GetReplicationConfiguration"),
            Map.entry("PutBucketReplication", "PutReplicationConfiguration"),
            Map.entry("GetBucketCors", "GetBucketCORS"),
            Map.entry("PutBucketCors", "PutBucketCORS"),
            Map.entry("DeleteBucketCors", "PutBucketCORS"),
            Map.entry("DeleteBucketTagging", "PutBucketTagging"),
            Map.entry("DeleteBucketPublicAccessBlock", "PutBucketPublicAccessBlock"),
            Map.entry("GetObjectLockConfiguration", "GetBucketObjectLockConfiguration"),
            Map.entry("PutObjectLockConfiguration", "PutBucketObjectLockConfiguration"),
            Map.entry("GetBucketAccelerateConfiguration", "GetAccelerateConfiguration"),
            Map.entry("PutBucketAccelerateConfiguration", "PutAccelerateConfiguration"),
            Map.entry("GetBucketNotificationConfiguration", "GetBucketNotification"),
            Map.entry("PutBucketNotificationConfiguration", "PutBucketNotification"));

    /** {@code 20150331}, {@code 20150331v2}, {@code 2020_05_31}: version stamps some services append. */
    private static final Pattern VERSION_SUFFIX = Pattern.compile("(?:\\d{8}(?:v\\d+)?|\\d{4}_\\d{2}_\\d{2})$");

    /** The IAM action, or empty when the call is not authorised by an IAM action of the caller. */
    public Optional<String> action(String eventSource, String eventName) {
        if (eventSource == null || eventName == null || eventName.isBlank()
                || !eventSource.endsWith(".amazonaws.com")) {
            return Optional.empty();
        }
        String source = eventSource.substring(0, eventSource.length() - ".amazonaws.com".length());
        if (NO_IAM_ACTION_SOURCES.contains(source)) {
            return Optional.empty();
        }
        String service = SERVICE_PREFIX.getOrDefault(source, source);
        String name = VERSION_SUFFIX.matcher(eventName).replaceFirst("");
        if (service.equals("s3")) {
            name = S3_EVENT_TO_ACTION.getOrDefault(name, name);
        }
        String action = service + ":" + name;
        return NO_PERMISSION_NEEDED.contains(action) || name.isEmpty() ? Optional.empty() : Optional.of(action);
    }
}
