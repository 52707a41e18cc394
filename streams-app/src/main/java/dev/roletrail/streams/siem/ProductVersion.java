package dev.roletrail.streams.siem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import dev.roletrail.schemas.Strings;

/**
 * RoleTrail's version for {@code metadata.product.version}: the Maven project version, filtered into a resource at
 * build time; else the jar manifest's Implementation-Version; else {@code unknown} (e.g. classes run from an IDE
 * that skipped resource filtering).
 */
public final class ProductVersion {

    static final String RESOURCE = "roletrail-version.properties";
    static final String UNKNOWN = "unknown";

    private ProductVersion() {
    }

    public static String current() {
        return resolve(fromResource(), ProductVersion.class.getPackage().getImplementationVersion());
    }

    /** The first real version: a filtered value still reading {@code ${project.version}} is not one. */
    static String resolve(String filtered, String manifest) {
        if (!Strings.isBlank(filtered) && !filtered.contains("${")) {
            return filtered;
        }
        return Strings.isBlank(manifest) ? UNKNOWN : manifest;
    }

    private static String fromResource() {
        try (InputStream in = ProductVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
