package dev.roletrail.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {

    private static final String ORG = "AWSLogs/o-abcdefghij/";
    private static final String A = ORG + "111122223333/CloudTrail/eu-west-1/2026/09/0%d/"
            + "111122223333_CloudTrail_eu-west-1_2026090%dT%sZ_abc.json.gz";
    private static final String B = ORG + "444455556666/CloudTrail/us-east-1/2026/09/0%d/"
            + "444455556666_CloudTrail_us-east-1_2026090%dT%sZ_xyz.json.gz";

    @TempDir
    Path dir;

    @Test
    void shouldReadACopyOfATrailBucketInDeliveryOrderAcrossAccountsAndOtherFilesFirst() throws Exception {
        List<String> written = List.of(A.formatted(1, 1, "0900"), A.formatted(2, 2, "0100"),
                B.formatted(1, 1, "0905"), B.formatted(1, 1, "2355"), "export.json", "more/records.jsonl");
        for (String name : written) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.write(dir.resolve(name), new byte[] {'{', '}'});
        }

        List<String> read = new FileSource(List.of(dir)).files().stream()
                .map(object -> dir.relativize(Path.of(object.id())).toString()).toList();

        assertThat(read).as("account after account would go back a day at the second").containsExactly(
                "export.json", "more/records.jsonl", A.formatted(1, 1, "0900"), B.formatted(1, 1, "0905"),
                B.formatted(1, 1, "2355"), A.formatted(2, 2, "0100"));
    }
}
