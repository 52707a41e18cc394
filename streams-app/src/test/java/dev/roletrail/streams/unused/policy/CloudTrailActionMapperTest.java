package dev.roletrail.streams.unused.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudTrailActionMapperTest {

    private final CloudTrailActionMapper mapper = new CloudTrailActionMapper();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "iam.amazonaws.com, CreateUser, iam:CreateUser",
        "sts.amazonaws.com, AssumeRole, sts:AssumeRole",
        "monitoring.amazonaws.com, PutMetricAlarm, cloudwatch:PutMetricAlarm",
        "lambda.amazonaws.com, CreateFunction20150331, lambda:CreateFunction",
        "lambda.amazonaws.com, UpdateFunctionCode20150331v2, lambda:UpdateFunctionCode",
        "s3.amazonaws.com, ListBuckets, s3:ListAllMyBuckets",
        "s3.amazonaws.com, HeadObject, s3:GetObject",
        "s3.amazonaws.com, GetBucketEncryption, s3:GetEncryptionConfiguration",
        "ec2.amazonaws.com, RunInstances, ec2:RunInstances",
    })
    void shouldMapACallToTheActionThatAuthorisedIt(String source, String name, String action) {
        assertThat(mapper.action(source, name)).contains(action);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "signin.amazonaws.com, ConsoleLogin",
        "sts.amazonaws.com, GetCallerIdentity",
        "ec2.amazonaws.com, ''",
        "not-a-service, Anything",
    })
    void shouldMapNothingForCallsNoIdentityPolicyGoverns(String source, String name) {
        assertThat(mapper.action(source, name)).isEmpty();
    }
}
