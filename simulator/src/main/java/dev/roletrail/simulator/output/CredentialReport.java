package dev.roletrail.simulator.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;

import dev.roletrail.simulator.org.Account;
import dev.roletrail.simulator.org.SimUser;

/** The IAM credential report CSV of one account, as {@code aws iam get-credential-report} returns it (decoded). */
public final class CredentialReport {

    private static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
            + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    private CredentialReport() {
    }

    /** Writes the report a line at a time: an account may have hundreds of thousands of users. */
    public static void write(OutputStream out, Account account, Iterator<SimUser> users, UsageTracker usage)
            throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        csv.append(HEADER).append('\n');
        csv.append("<root_account>,").append(account.arn("root")).append(",2021-03-01T09:00:00+00:00,not_supported,")
                .append("N/A,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,")
                .append("false,N/A\n");
        while (users.hasNext()) {
            SimUser user = users.next();
            String keyUsed = usage.keyLastUsed(user).map(CredentialReport::time).orElse("N/A");
            String region = keyUsed.equals("N/A") ? "N/A" : account.homeRegion();
            String password = user.consolePassword() ? "true" : "false";
            String passwordUsed = !user.consolePassword() ? "N/A"
                    : usage.passwordLastUsed(user).map(CredentialReport::time).orElse("no_information");
            csv.append(String.join(",", user.name(), user.arn(), time(user.keyCreated()), password, passwordUsed,
                    user.consolePassword() ? time(user.keyCreated()) : "N/A", "N/A", "false", "true",
                    time(user.keyCreated()), keyUsed, region, keyUsed.equals("N/A") ? "N/A" : "s3", "false", "N/A",
                    "N/A", "N/A", "N/A", "false", "N/A", "false", "N/A")).append('\n');
        }
        csv.flush();
    }

    /** The report's time format: ISO-8601 with a numeric offset, to the second. */
    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "+00:00");
    }
}
