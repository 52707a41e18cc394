package dev.roletrail.simulator.truth;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulator's own answer to "which IAM action authorised this call, and does CloudTrail log it", for the calls
 * and grants it writes. Kept apart from RoleTrail's mapper and catalogue on purpose: the ground truth must not be
 * computed by the code it scores. Facts from the AWS Service Authorization Reference and the CloudTrail user guide.
 */
final class IamActions {

    /** Event sources whose IAM prefix is not the source's first label. */
    private static final Map<String, String> PREFIX = Map.of("monitoring", "cloudwatch");
    /** S3 calls named after the REST operation, not the permission the simulator's traffic uses. */
    private static final Map<String, String> S3_PERMISSION = Map.of("ListBuckets", "ListAllMyBuckets",
            "HeadObject", "GetObject", "ListObjects", "ListBucket", "ListObjectsV2", "ListBucket");
    /** Calls no identity policy grants: console sign-in needs none, nor does GetCallerIdentity. */
    private static final Set<String> NO_PERMISSION = Set.of("signin:ConsoleLogin", "sts:GetCallerIdentity");
    /**
     * Granted actions a default trail never shows: data events (S3 objects, DynamoDB items, SQS messages, log
     * events) and permissions checked without a call of their own (iam:PassRole). Lower case.
     */
    private static final Set<String> NOT_LOGGED = Set.of("s3:getobject", "s3:putobject", "s3:deleteobject",
            "s3:listbucket", "dynamodb:getitem", "dynamodb:putitem", "dynamodb:query", "sqs:receivemessage",
            "sqs:deletemessage", "sqs:sendmessage", "logs:putlogevents", "iam:passrole", "lambda:invokefunction");

    private IamActions() {
    }

    /** The action a call used, or empty when it needs no IAM permission. */
    static Optional<String> of(String eventSource, String eventName) {
        if (!eventSource.endsWith(".amazonaws.com") || eventName.isEmpty()) {
            return Optional.empty();
        }
        String label = eventSource.substring(0, eventSource.indexOf('.'));
        String service = PREFIX.getOrDefault(label, label);
        // Lambda appends its API version to event names: ListFunctions20150331, UpdateFunctionCode20150331v2.
        String name = eventName.replaceFirst("\\d{8}(v\\d+)?$", "");
        if (service.equals("s3")) {
            name = S3_PERMISSION.getOrDefault(name, name);
        }
        String action = service + ":" + name;
        return NO_PERMISSION.contains(action) ? Optional.empty() : Optional.of(action);
    }

    /** Whether a default trail records a use of the action. */
    static boolean logged(String action) {
        return !NOT_LOGGED.contains(action.toLowerCase(Locale.ROOT));
    }
}
