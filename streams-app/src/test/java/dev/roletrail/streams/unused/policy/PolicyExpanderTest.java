package dev.roletrail.streams.unused.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyExpanderTest {

    private final ActionCatalog catalog = ActionCatalog.standard();
    private final PolicyExpander expander = new PolicyExpander(catalog);

    private GrantedActions expand(String statements) throws Exception {
        return expander.expand(PolicyDocument.parse(PolicyDocumentTest.json("{\"Statement\":[" + statements + "]}")));
    }

    @Test
    void shouldExpandWildcardsAgainstTheCatalogue() throws Exception {
        GrantedActions granted = expand("{\"Effect\":\"Allow\",\"Action\":[\"sqs:Send*\",\"kms:Decrypt\"],"
                + "\"Resource\":\"*\"}");

        assertThat(granted.actions()).containsExactly("kms:Decrypt", "sqs:SendMessage");
        assertThat(granted.uncatalogued()).isEmpty();
    }

    @Test
    void shouldKeepActionsNamedOutrightEvenWhenNotCatalogued() throws Exception {
        GrantedActions granted = expand("{\"Effect\":\"Allow\",\"Action\":[\"s3:GetStorageLensDashboard\","
                + "\"ses:SendEmail\"]}");

        assertThat(granted.actions()).containsExactly("s3:GetStorageLensDashboard", "ses:SendEmail");
    }

    @Test
    void shouldReportWildcardsOverUncataloguedServicesInsteadOfGuessing() throws Exception {
        GrantedActions granted = expand("{\"Effect\":\"Allow\",\"Action\":\"ses:*\"}");

        assertThat(granted.actions()).isEmpty();
        assertThat(granted.uncatalogued()).containsExactly("ses");
    }

    @Test
    void shouldExpandNotActionToEveryOtherAction() throws Exception {
        GrantedActions granted = expand("{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],"
                + "\"Resource\":\"*\"}");

        assertThat(granted.actions()).contains("s3:GetObject", "ec2:RunInstances", "sts:AssumeRole")
                .noneMatch(a -> a.startsWith("iam:") || a.startsWith("organizations:"));
        assertThat(granted.uncatalogued()).containsExactly(GrantedActions.ALL_OTHER_SERVICES);
    }

    @Test
    void shouldTakeAwayWhatAnUnconditionalDenyCoversOnly() throws Exception {
        GrantedActions granted = expand("""
                {"Effect":"Allow","Action":["s3:*","ses:*"],"Resource":"*"},
                {"Effect":"Deny","Action":["s3:Delete*","ses:*"],"Resource":"*"},
                {"Effect":"Deny","Action":"s3:PutBucketPolicy","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                {"Effect":"Deny","Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/*"}""");

        assertThat(granted.actions()).contains("s3:GetObject", "s3:PutBucketPolicy", "s3:PutObject")
                .doesNotContain("s3:DeleteBucket", "s3:DeleteObject");
        assertThat(granted.uncatalogued()).isEmpty();
    }

    @Test
    void shouldGrantEverythingForAStarAndNothingWhenDeniedByNotAction() throws Exception {
        GrantedActions admin = expand("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");
        GrantedActions onlyS3 = expand("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"NotAction\":\"s3:*\",\"Resource\":\"*\"}");

        assertThat(admin.actions()).hasSameSizeAs(catalog.matching("*"));
        assertThat(admin.uncatalogued()).containsExactly("*");
        assertThat(onlyS3.actions()).isNotEmpty().allMatch(a -> a.startsWith("s3:"));
        assertThat(onlyS3.uncatalogued()).isEmpty();
    }
}
