package dev.roletrail.streams.unused.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class ActionCatalogTest {

    private final ActionCatalog catalog = ActionCatalog.standard();

    @Test
    void shouldCoverTheServicesRealOrganisationsUseMost() {
        assertThat(catalog.services()).contains("iam", "sts", "s3", "ec2", "lambda", "kms", "dynamodb", "cloudtrail",
                "logs", "cloudwatch", "ssm", "secretsmanager", "sns", "sqs", "organizations", "rds", "ecr", "ecs",
                "eks");
        assertThat(catalog.covers("S3")).isTrue();
        assertThat(catalog.covers("ses")).isFalse();
    }

    @Test
    void shouldKnowWhichActionsCloudTrailLogsAsManagementEvents() {
        assertThat(catalog.observable("s3:GetObject")).as("an S3 data event").isFalse();
        assertThat(catalog.observable("iam:PassRole")).as("a permission with no call of its own").isFalse();
        assertThat(catalog.observable("dynamodb:Query")).isFalse();
        assertThat(catalog.observable("s3:CreateBucket")).isTrue();
        assertThat(catalog.observable("kms:Decrypt")).isTrue();
        assertThat(catalog.observable("ses:SendEmail")).as("outside the catalogue: management by default").isTrue();
    }

    @Test
    void shouldMatchPatternsCaseInsensitivelyInCatalogueSpelling() {
        assertThat(catalog.matching("sts:assumerole*"))
                .containsExactly("sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity");
        assertThat(catalog.matching("secretsmanager:Get*Value")).containsExactly("secretsmanager:GetSecretValue");
        assertThat(catalog.find("IAM:passrole")).hasValueSatisfying(a -> {
            assertThat(a.action()).isEqualTo("iam:PassRole");
            assertThat(a.accessLevel()).isEqualTo("Write");
        });
    }

    @Test
    void shouldRejectAMalformedCatalogueLine() {
        assertThatThrownBy(() -> ActionCatalog.read(new BufferedReader(new StringReader("s3\tGetObject\tRead\n"))))
                .hasMessageContaining("bad line");
    }
}
