package dev.roletrail.ingest.s3;

import dev.roletrail.schemas.Reasons;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** One-line descriptions of S3 failures: HTTP status and S3 error code when the server answered. */
public final class S3Errors {

    private S3Errors() {
    }

    public static String describe(SdkException e) {
        if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
            String code = s3.awsErrorDetails().errorCode();
            return "HTTP " + s3.statusCode() + (code == null ? "" : " " + code) + describeCode(code);
        }
        if (e instanceof S3Exception s3) {
            return "HTTP " + s3.statusCode();
        }
        return Reasons.oneLine(e);
    }

    private static String describeCode(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "NoSuchKey" -> " (the object is gone: deleted between listing and reading?)";
            case "NoSuchBucket" -> " (no such bucket)";
            case "AccessDenied" -> " (access denied: s3:GetObject, s3:ListBucket or kms:Decrypt missing?)";
            default -> "";
        };
    }
}
