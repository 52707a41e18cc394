package dev.roletrail.streams.nhi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.roletrail.streams.identity.UserAgents;

class ClientClassTest {

    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiter = '|', value = {
        "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.amzn.2023 prompt/off command/s3.ls | INTERACTIVE",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.12; rv:62.0) Gecko/20100101 Firefox/62.0 | INTERACTIVE",
        "console.amazonaws.com | INTERACTIVE",
        "Boto3/1.34.11 md/Botocore#1.34.11 ua/2.0 os/linux#6.1 md/arch#x86_64 lang/python#3.11.6 | AUTOMATION",
        "aws-sdk-java/2.21.29 Linux/6.1 OpenJDK_64-Bit_Server_VM/17.0.9+9 | AUTOMATION",
        "aws-sdk-nodejs/2.1565.0 linux/v20.12.2 configure-aws-credentials-for-github-actions | AUTOMATION",
        "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-aws/5.76.0 | AUTOMATION",
        "autoscaling.amazonaws.com | AWS_SERVICE",
        "AWS Internal | AWS_SERVICE",
        "stratus-red-team_fccf7123 | UNKNOWN",
        "'' | UNKNOWN"})
    void shouldTellWhoCallsByTheClientFamily(String userAgent, ClientClass expected) {
        assertThat(ClientClass.of(UserAgents.family(userAgent))).isEqualTo(expected);
    }
}
