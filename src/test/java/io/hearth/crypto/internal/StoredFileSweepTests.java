package io.hearth.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.crypto.StoredFile;
import io.hearth.crypto.StoredFileReferences;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredFileSweepTests {

    @TempDir
    Path dataDir;

    CryptoFixture fixture;
    Path folder;

    @BeforeEach
    void start() {
        fixture = CryptoFixture.start(dataDir);
        folder = dataDir.resolve("files");
    }

    @Test
    void removesOldTemporaryFiles() throws Exception {
        Path leftBehind = Files.createDirectories(folder).resolve("attachment_0123456789abcdef0123456789abcdef.tmp");
        Files.write(leftBehind, new byte[] { 1, 2, 3 });
        age(leftBehind, Duration.ofHours(2));

        var result = sweep(List.of()).sweep();

        assertThat(result.temporaryDeleted()).isEqualTo(1);
        assertThat(leftBehind).doesNotExist();
    }

    @Test
    void keepsRecentTemporaryFiles() throws Exception {
        Path inProgress = Files.createDirectories(folder).resolve("attachment_0123456789abcdef0123456789abcdef.tmp");
        Files.write(inProgress, new byte[] { 1 });
        age(inProgress, Duration.ofMinutes(10));

        sweep(List.of()).sweep();

        assertThat(inProgress).exists();
    }

    @Test
    void removesOldFilesTheirOwnerNoLongerReferences() throws Exception {
        StoredFile kept = store("attachment", Duration.ofHours(3));
        StoredFile orphan = store("attachment", Duration.ofHours(3));
        StoredFile young = store("attachment", Duration.ofMinutes(5));

        var result = sweep(List.of(references("attachment", kept.id()))).sweep();

        assertThat(result.unreferencedDeleted()).isEqualTo(1);
        assertThat(file(kept)).exists();
        assertThat(file(orphan)).doesNotExist();
        assertThat(file(young)).exists();
    }

    @Test
    void neverRemovesFilesOfAPurposeNoModuleClaims() throws Exception {
        StoredFile unclaimed = store("import", Duration.ofDays(3));

        var result = sweep(List.of(references("attachment"))).sweep();

        assertThat(result.unclaimedKept()).isEqualTo(1);
        assertThat(file(unclaimed)).exists();
    }

    @Test
    void leavesForeignFilesAlone() throws Exception {
        Path foreign = Files.createDirectories(folder).resolve("README.txt");
        Files.writeString(foreign, "x");
        age(foreign, Duration.ofDays(1));

        sweep(List.of()).sweep();

        assertThat(foreign).exists();
    }

    private StoredFileSweep sweep(List<StoredFileReferences> references) {
        return new StoredFileSweep(folder, references, fixture.clock);
    }

    private StoredFile store(String purpose, Duration age) throws Exception {
        StoredFile stored = fixture.files.store(new ByteArrayInputStream(new byte[] { 42 }), purpose);
        age(file(stored), age);
        return stored;
    }

    private Path file(StoredFile stored) {
        return folder.resolve(stored.id() + ".enc");
    }

    private void age(Path file, Duration age) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(fixture.clock.instant().minus(age)));
    }

    private static StoredFileReferences references(String purpose, String... ids) {
        return new StoredFileReferences() {
            @Override
            public String purpose() {
                return purpose;
            }

            @Override
            public boolean references(String fileId) {
                return Set.of(ids).contains(fileId);
            }
        };
    }
}
