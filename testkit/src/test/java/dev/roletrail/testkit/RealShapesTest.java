package dev.roletrail.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RealShapesTest {

    @Test
    void shouldListEveryFileOfTheFolderAndNothingElse() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/real-shapes"))) {
            assertThat(RealShapes.fileNames()).as("files.txt against the folder").containsExactlyInAnyOrderElementsOf(
                    files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".json")).toList());
        }
    }

    @Test
    void shouldSayInTheReadmeWhereEachShapeIsDocumented() throws IOException {
        String readme = Files.readString(Path.of("src/main/resources/real-shapes/README.md"));

        assertThat(RealShapes.fileNames()).allSatisfy(file -> assertThat(readme).contains("`" + file + "`"));
    }

    @Test
    void shouldServeEachFileAsAnArrayOfRecordsWithAnEventTime() throws IOException {
        for (String name : RealShapes.fileNames()) {
            JsonNode records = new ObjectMapper().readTree(RealShapes.read(name));
            assertThat(records.isArray()).as(name).isTrue();
            assertThat(records).as(name).isNotEmpty()
                    .allSatisfy(record -> assertThat(record.path("eventTime").isTextual()).isTrue());
        }
    }
}
