package dev.roletrail.streams.siem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductVersionTest {

    @Test
    void shouldTakeTheProjectVersionFilteredIntoTheBuild() {
        assertThat(ProductVersion.current()).as("from target/classes, filtered by Maven").matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void shouldFallBackToTheManifestThenUnknown() {
        assertThat(ProductVersion.resolve("1.2.3", "9.9.9")).isEqualTo("1.2.3");
        assertThat(ProductVersion.resolve("${project.version}", "9.9.9")).as("an unfiltered resource").isEqualTo("9.9.9");
        assertThat(ProductVersion.resolve(null, null)).isEqualTo("unknown");
    }
}
