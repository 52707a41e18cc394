package dev.roletrail.simulator.traffic;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The mix of calls people and workloads make: mostly read-only (about four in five management events are), some
 * writes. Weighted by repetition.
 */
public final class ApiCalls {

    /** An API call: the service endpoint and the call name. */
    public record Api(String source, String name) {
    }

    private static final List<Api> HUMAN = List.of(
            new Api("s3.amazonaws.com", "ListBuckets"), new Api("s3.amazonaws.com", "ListBuckets"),
            new Api("s3.amazonaws.com", "GetBucketPolicy"), new Api("s3.amazonaws.com", "GetBucketLocation"),
            new Api("ec2.amazonaws.com", "DescribeInstances"), new Api("ec2.amazonaws.com", "DescribeInstances"),
            new Api("ec2.amazonaws.com", "DescribeSecurityGroups"), new Api("ec2.amazonaws.com", "DescribeVpcs"),
            new Api("iam.amazonaws.com", "ListRoles"), new Api("iam.amazonaws.com", "GetRole"),
            new Api("logs.amazonaws.com", "DescribeLogGroups"), new Api("logs.amazonaws.com", "FilterLogEvents"),
            new Api("lambda.amazonaws.com", "ListFunctions20150331"),
            new Api("cloudformation.amazonaws.com", "DescribeStacks"),
            new Api("sts.amazonaws.com", "GetCallerIdentity"), new Api("kms.amazonaws.com", "Decrypt"),
            new Api("dynamodb.amazonaws.com", "DescribeTable"), new Api("monitoring.amazonaws.com", "DescribeAlarms"),
            new Api("ec2.amazonaws.com", "StartInstances"), new Api("s3.amazonaws.com", "PutBucketTagging"),
            new Api("lambda.amazonaws.com", "UpdateFunctionConfiguration20150331v2"),
            new Api("ssm.amazonaws.com", "GetParameter"));

    private static final List<Api> DEPLOY = List.of(
            new Api("cloudformation.amazonaws.com", "DescribeStacks"),
            new Api("cloudformation.amazonaws.com", "CreateChangeSet"),
            new Api("cloudformation.amazonaws.com", "ExecuteChangeSet"),
            new Api("s3.amazonaws.com", "ListBuckets"), new Api("ecr.amazonaws.com", "GetAuthorizationToken"),
            new Api("lambda.amazonaws.com", "UpdateFunctionCode20150331v2"));

    private static final List<Api> WORKLOAD = List.of(
            new Api("kms.amazonaws.com", "Decrypt"), new Api("kms.amazonaws.com", "GenerateDataKey"),
            new Api("sqs.amazonaws.com", "ListQueues"), new Api("dynamodb.amazonaws.com", "DescribeTable"),
            new Api("s3.amazonaws.com", "ListBuckets"), new Api("secretsmanager.amazonaws.com", "GetSecretValue"),
            new Api("ssm.amazonaws.com", "GetParameters"));

    private ApiCalls() {
    }

    public static Api human(RandomGenerator random) {
        return HUMAN.get(random.nextInt(HUMAN.size()));
    }

    public static Api deploy(RandomGenerator random) {
        return DEPLOY.get(random.nextInt(DEPLOY.size()));
    }

    public static Api workload(RandomGenerator random) {
        return WORKLOAD.get(random.nextInt(WORKLOAD.size()));
    }
}
