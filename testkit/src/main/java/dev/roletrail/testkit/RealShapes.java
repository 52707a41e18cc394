package dev.roletrail.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CloudTrail records in the shapes real trails have (refused calls without a request, console actions with
 * {@code invokedBy}, workload sessions, identity edge cases), each file a JSON array, with where each shape is
 * documented in the README beside them under {@code real-shapes/}. Never edited to make a detector fire.
 */
public final class RealShapes {

    private static final String DIR = "real-shapes/";

    private RealShapes() {
    }

    /** The file names, such as {@code root-console-create-access-key.json}, as {@code files.txt} lists them. */
    public static List<String> fileNames() {
        return resource(DIR + "files.txt").lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The raw text of one file: a JSON array of CloudTrail records. */
    public static String read(String fileName) {
        return resource(DIR + fileName);
    }

    private static String resource(String name) {
        try (InputStream in = RealShapes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
