package dev.roletrail.streams.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading IAM and STS ARNs: {@code arn:<partition>:(iam|sts)::<account>:<resource>}. */
public final class Arns {

    private static final Pattern IAM_OR_STS = Pattern.compile("^arn:([\\w-]+):(?:iam|sts)::(\\d{12}):(.+)$");
    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");

    private Arns() {
    }

    /** The account of an IAM or STS ARN, or null when the value is not one. */
    public static String accountOf(String arn) {
        if (arn == null) {
            return null;
        }
        Matcher m = IAM_OR_STS.matcher(arn);
        return m.matches() ? m.group(2) : null;
    }

    /** The partition of an IAM or STS ARN ({@code aws}, {@code aws-us-gov}, {@code aws-cn}), or {@code aws}. */
    public static String partitionOf(String arn) {
        if (arn == null) {
            return "aws";
        }
        Matcher m = IAM_OR_STS.matcher(arn);
        return m.matches() ? m.group(1) : "aws";
    }

    /** The last path segment of an IAM ARN's resource: the user or role name without its path. */
    public static String nameOf(String arn) {
        if (arn == null) {
            return null;
        }
        Matcher m = IAM_OR_STS.matcher(arn);
        if (!m.matches()) {
            return null;
        }
        String resource = m.group(3);
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    public static boolean isAccountId(String value) {
        return value != null && ACCOUNT_ID.matcher(value).matches();
    }
}
