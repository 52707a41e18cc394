package dev.roletrail.ingest.inventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.roletrail.ingest.inventory.IamValues.InventoryFormatException;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.SnapshotSource;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.schemas.inventory.UserCredentials.AccessKeyReport;
import dev.roletrail.schemas.inventory.UserCredentials.CertificateReport;

/**
 * Reads the IAM credential report CSV ({@code aws iam get-credential-report}, Content base64-decoded): one row per user
 * and one for the root ({@code <root_account>}). Columns are found by their header names, so added columns are
 * ignored; IAM's placeholders ({@code N/A}, {@code no_information}, {@code not_supported}) become absent values.
 */
public final class CredentialReportReader {

    static final String FIRST_HEADER = "user,arn,";

    private CredentialReportReader() {
    }

    public static InventorySnapshot read(String origin, Reader csv, Instant takenAt) throws IOException {
        BufferedReader lines = new BufferedReader(csv);
        String header = lines.readLine();
        if (header == null || !header.replace("\uFEFF", "").startsWith(FIRST_HEADER)) {
            throw new InventoryFormatException("not a credential report: the header must start with 'user,arn,'");
        }
        List<String> columns = CsvLine.split(header.replace("\uFEFF", ""));
        List<InventoryEntity> rows = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            List<String> values = CsvLine.split(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < columns.size() && i < values.size(); i++) {
                row.put(columns.get(i), values.get(i));
            }
            rows.add(credentials(row, takenAt));
        }
        return new InventorySnapshot(origin, AuthorizationDetailsReader.accountOf(rows),
                SnapshotSource.CREDENTIAL_REPORT, takenAt, rows);
    }

    private static UserCredentials credentials(Map<String, String> row, Instant takenAt) {
        String arn = row.get("arn");
        List<AccessKeyReport> keys = new ArrayList<>();
        List<CertificateReport> certificates = new ArrayList<>();
        for (int slot = 1; slot <= 2; slot++) {
            String key = "access_key_" + slot + "_";
            if (row.containsKey(key + "active")) {
                keys.add(new AccessKeyReport(slot, bool(row.get(key + "active")),
                        IamValues.time(row.get(key + "last_rotated")), IamValues.time(row.get(key + "last_used_date")),
                        present(row.get(key + "last_used_region")), present(row.get(key + "last_used_service"))));
            }
            String cert = "cert_" + slot + "_";
            if (row.containsKey(cert + "active")) {
                certificates.add(new CertificateReport(slot, bool(row.get(cert + "active")),
                        IamValues.time(row.get(cert + "last_rotated"))));
            }
        }
        String passwordEnabled = row.get("password_enabled");
        return new UserCredentials(arn, IamValues.accountOf(arn), takenAt, row.getOrDefault("user", ""),
                IamValues.time(row.get("user_creation_time")),
                passwordEnabled == null || "not_supported".equals(passwordEnabled) ? null : bool(passwordEnabled),
                IamValues.time(row.get("password_last_used")), IamValues.time(row.get("password_last_changed")),
                bool(row.get("mfa_active")), keys, certificates);
    }

    private static boolean bool(String value) {
        return "true".equals(value == null ? null : value.toLowerCase(Locale.ROOT));
    }

    private static String present(String value) {
        return value == null || value.isEmpty() || "N/A".equals(value) || "no_information".equals(value)
                ? null : value;
    }

    /** RFC 4180 fields of one line: IAM names may contain commas, which then come quoted. */
    static final class CsvLine {
        private CsvLine() {
        }

        static List<String> split(String line) {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
