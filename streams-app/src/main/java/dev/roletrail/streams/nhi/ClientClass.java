package dev.roletrail.streams.nhi;

import java.util.Set;

/**
 * What kind of caller a user-agent family stands for. A person types or clicks (the console, the AWS CLI, a browser,
 * an IDE toolkit); code calls through an SDK or an infrastructure tool; AWS calls for itself under a service name.
 */
public enum ClientClass {
    INTERACTIVE,
    AUTOMATION,
    AWS_SERVICE,
    UNKNOWN;

    private static final Set<String> INTERACTIVE_FAMILIES = Set.of("console", "aws-cli", "mozilla", "aws-toolkit",
            "aws-toolkit-vscode", "aws-toolkit-jetbrains", "cloudshell", "aws-powershell", "awspowershell");
    /** Infrastructure and scripting tools; every {@code aws-sdk-*} family is automation too. */
    private static final Set<String> AUTOMATION_FAMILIES = Set.of("boto3", "botocore", "aws-sdk", "terraform", "apn",
            "hashicorp", "pulumi", "aws-cdk", "go-http-client", "python-requests", "java", "okhttp", "aws-chalice",
            "aws-sam-cli", "cloud-custodian", "aws-go-sdk", "aws-sdk-go", "aws-sdk-go-v2");

    /** @param family a {@code UserAgents.family}: lower case, no version */
    public static ClientClass of(String family) {
        if (family == null || family.isBlank() || family.equals("unknown")) {
            return UNKNOWN;
        }
        if (INTERACTIVE_FAMILIES.contains(family)) {
            return INTERACTIVE;
        }
        if (family.endsWith(".amazonaws.com") || family.equals("aws internal")) {
            return AWS_SERVICE;
        }
        if (family.startsWith("aws-sdk-") || AUTOMATION_FAMILIES.contains(family)) {
            return AUTOMATION;
        }
        return UNKNOWN;
    }
}
