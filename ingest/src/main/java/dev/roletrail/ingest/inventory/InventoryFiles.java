package dev.roletrail.ingest.inventory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.ingest.inventory.IamValues.InventoryFormatException;
import dev.roletrail.schemas.Json;

/**
 * Tells an inventory input by its content and reads it: authorization details (JSON object), a credential report
 * (CSV starting {@code user,arn,}), or the JSON {@code aws iam get-credential-report} prints (base64 CSV in
 * {@code Content}, with its {@code GeneratedTime}). Gzipped input is unpacked first.
 */
public final class InventoryFiles {

    private InventoryFiles() {
    }

    /**
     * @param modified when the input was written, the snapshot time unless the input carries its own
     */
    public static InventorySnapshot read(String origin, InputStream raw, Instant modified) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        InputStream decoded = b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in)) : in;
        decoded.mark(4096);
        String head = new String(decoded.readNBytes(4096), StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        decoded.reset();
        try {
            if (head.startsWith(CredentialReportReader.FIRST_HEADER)) {
                return CredentialReportReader.read(origin, new InputStreamReader(decoded, StandardCharsets.UTF_8),
                        modified);
            }
            if (head.startsWith("{") && head.contains("\"Content\"") && head.contains("\"ReportFormat\"")) {
                return fromGetCredentialReport(origin, decoded, modified);
            }
            if (head.startsWith("{")) {
                return AuthorizationDetailsReader.read(origin, decoded, modified);
            }
        } catch (InventoryFormatException e) {
            throw new IOException(origin + ": " + e.getMessage(), e);
        }
        throw new IOException(origin + ": neither authorization details (JSON) nor a credential report (CSV)");
    }

    private static InventorySnapshot fromGetCredentialReport(String origin, InputStream in, Instant modified)
            throws IOException {
        JsonNode report = Json.mapper().readTree(in);
        String csv = new String(Base64.getMimeDecoder().decode(report.path("Content").asText()), StandardCharsets.UTF_8);
        Instant generated = IamValues.time(report.get("GeneratedTime"));
        return CredentialReportReader.read(origin, new StringReader(csv), generated == null ? modified : generated);
    }
}
