package dev.roletrail.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncompleteStoresTest {

    @TempDir
    Path app;

    @Test
    void shouldDeleteATaskWhoseWindowSegmentNamesAManifestNeverWritten() throws Exception {
        // As a SIGKILL left it in ScaleOutKillIT: CURRENT names MANIFEST-000005, which is not there.
        Path segment = store(app.resolve("0_9/seen-event-ids/seen-event-ids.1788393600000"), "MANIFEST-000005", false);
        store(app.resolve("0_9/rocksdb/sessions"), "MANIFEST-000004", true);
        Path healthy = store(app.resolve("0_3/rocksdb/sessions"), "MANIFEST-000004", true);

        var deleted = IncompleteStores.deleteIn(app);

        assertThat(deleted).containsExactly(new IncompleteStores.Deleted("0_9",
                Path.of("seen-event-ids/seen-event-ids.1788393600000")));
        assertThat(app.resolve("0_9")).doesNotExist();
        assertThat(segment).doesNotExist();
        assertThat(healthy.resolve("CURRENT")).exists();
    }

    @Test
    void shouldDeleteATaskWhoseStoreHasAnEmptyCurrentFile() throws Exception {
        Path store = app.resolve("1_0/rocksdb/principal-profiles");
        Files.createDirectories(store);
        Files.writeString(store.resolve("CURRENT"), "");

        assertThat(IncompleteStores.deleteIn(app)).extracting(IncompleteStores.Deleted::task).containsExactly("1_0");
    }

    @Test
    void shouldLeaveCompleteStoresAndOtherDirectoriesAlone() throws Exception {
        store(app.resolve("0_0/rocksdb/held-events"), "MANIFEST-000012", true);
        Files.createDirectories(app.resolve("global/rocksdb/inventory"));
        Files.writeString(app.resolve("global/rocksdb/inventory/CURRENT"), "MANIFEST-000001\n");

        assertThat(IncompleteStores.deleteIn(app)).isEmpty();
        assertThat(IncompleteStores.deleteIn(app.resolve("no-such-app"))).isEmpty();
        assertThat(app.resolve("0_0/rocksdb/held-events/CURRENT")).exists();
        assertThat(app.resolve("global/rocksdb/inventory/CURRENT")).exists();
    }

    private static Path store(Path dir, String manifest, boolean written) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("CURRENT"), manifest + "\n");
        Files.writeString(dir.resolve("000004.log"), "wal");
        if (written) {
            Files.writeString(dir.resolve(manifest), "manifest");
        }
        return dir;
    }
}
