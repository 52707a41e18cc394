package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

    @Test
    void shouldNameTheToolWithoutVersionOrPlatform() {
        assertThat(UserAgents.family("aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off"))
                .isEqualTo("aws-cli");
        assertThat(UserAgents.family("Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.5.0")).isEqualTo("boto3");
        assertThat(UserAgents.family("[aws-sdk-java/2.25.16 Linux/5.10]")).isEqualTo("aws-sdk-java");
        assertThat(UserAgents.family("signin.amazonaws.com")).isEqualTo("console");
        assertThat(UserAgents.family(null)).isEqualTo("unknown");
    }

    @Test
    void shouldNameAPenetrationTestingDistributionInThePlatform() {
        // The platforms as the AWS CLI and botocore write them on these distributions.
        assertThat(UserAgents.attackPlatform("aws-cli/2.15.30 Python/3.11.8 Linux/6.6.9-kali exe/x86_64"))
                .hasValue("kali");
        assertThat(UserAgents.attackPlatform("aws-cli/1.22.34 Python/3.9.10 Linux/5.16.0-parrot1-amd64 "
                + "botocore/1.24.19")).hasValue("parrot");
        assertThat(UserAgents.attackPlatform("Boto3/1.26.0 Python/3.10.9 Linux/6.1.12-gentoo-pentoo")).hasValue(
                "pentoo");
    }

    @Test
    void shouldNameNoAttackPlatformForOrdinaryClients() {
        assertThat(UserAgents.attackPlatform("aws-cli/2.17.0 Python/3.11.9 Linux/6.5.0 exe/x86_64.ubuntu.22"))
                .isEmpty();
        assertThat(UserAgents.attackPlatform("python-requests/2.31.0")).isEmpty();
        assertThat(UserAgents.attackPlatform(null)).isEmpty();
    }
}
