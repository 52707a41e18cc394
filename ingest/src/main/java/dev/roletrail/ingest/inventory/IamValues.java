package dev.roletrail.ingest.inventory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.inventory.ManagedPolicy;

/** Reading the values IAM writes: ARNs, dates, and policy documents (JSON, or URL-encoded JSON from the API). */
final class IamValues {

    private static final Pattern IAM_ARN = Pattern.compile("^arn:[a-z-]+:iam::(\\d{12}|aws):.+$");

    private IamValues() {
    }

    /** The account of an IAM ARN ({@code aws} for AWS managed policies). */
    static String accountOf(String arn) {
        Matcher m = IAM_ARN.matcher(arn == null ? "" : arn);
        if (!m.matches()) {
            throw new InventoryFormatException("not an IAM ARN: '" + arn + "'");
        }
        return m.group(1);
    }

    static boolean awsManaged(String account) {
        return ManagedPolicy.AWS_MANAGED_ACCOUNT.equals(account);
    }

    /** An ISO-8601 time ({@code Z} or {@code +00:00}), or null for absent and IAM's placeholders (N/A, ...). */
    static Instant time(String text) {
        if (text == null || text.isBlank() || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new InventoryFormatException("not a time: '" + text + "'");
            }
        }
    }

    static Instant time(JsonNode node) {
        return node == null || node.isNull() ? null : time(node.asText());
    }

    /** A policy document: already JSON (the CLI decodes it), or a URL-encoded JSON string (the API's form). */
    static JsonNode policy(JsonNode document) {
        if (document == null || document.isNull()) {
            return null;
        }
        if (document.isObject()) {
            return document;
        }
        String text = document.asText();
        String json = text.stripLeading().startsWith("{") ? text : percentDecode(text);
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new InventoryFormatException("a policy document is not JSON: " + dev.roletrail.schemas.Reasons.oneLine(e));
        }
    }

    /** RFC 3986 percent-decoding; unlike form decoding, '+' stays '+'. */
    static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                int value = Integer.parseInt(text.substring(i + 1, i + 3), 16);
                bytes.write(value);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * An entity's tags, written by IAM as {@code "Tags": [{"Key": "owner", "Value": "alice"}]}; keys are case-sensitive,
     * so {@code owner} and {@code Owner} stay two tags. A tag without a key is not a tag and is skipped.
     */
    static Map<String, String> tags(JsonNode entity) {
        JsonNode tags = entity.get("Tags");
        if (tags == null || !tags.isArray()) {
            return Map.of();
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (JsonNode tag : tags) {
            String key = text(tag, "Key");
            if (key != null) {
                String value = text(tag, "Value");
                byKey.put(key, value == null ? "" : value);
            }
        }
        return byKey;
    }

    /** The input is not the IAM output it claims to be. */
    static final class InventoryFormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InventoryFormatException(String message) {
            super(message);
        }
    }
}
