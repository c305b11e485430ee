package io.hearth.crypto.internal;

import io.hearth.crypto.StoredFileReferences;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * At start-up, removes what a crash or an abandoned upload left behind: temporary files, and stored files no module
 * references. Only files older than an hour, so an upload whose record is not yet committed is never taken; and only
 * for purposes some module claims, so a missing {@link StoredFileReferences} bean never causes data loss.
 */
class StoredFileSweep implements ApplicationRunner {

    static final Duration MIN_AGE = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(StoredFileSweep.class);

    record Result(int temporaryDeleted, int unreferencedDeleted, int unclaimedKept) {
    }

    private final Path folder;
    private final List<StoredFileReferences> references;
    private final Clock clock;

    StoredFileSweep(Path folder, List<StoredFileReferences> references, Clock clock) {
        this.folder = folder;
        this.references = List.copyOf(references);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        sweep();
    }

    Result sweep() throws IOException {
        if (!Files.isDirectory(folder)) {
            return new Result(0, 0, 0);
        }
        Map<String, List<StoredFileReferences>> owners = references.stream().collect(Collectors.groupingBy(StoredFileReferences::purpose));
        Instant cutoff = clock.instant().minus(MIN_AGE);
        int temporary = 0;
        int unreferenced = 0;
        TreeSet<String> unclaimedPurposes = new TreeSet<>();
        int unclaimed = 0;
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            boolean isTemp = name.endsWith(TinkEncryptedFiles.TEMP_SUFFIX);
            boolean isStored = name.endsWith(TinkEncryptedFiles.SUFFIX);
            if (!isTemp && !isStored) {
                continue;
            }
            Matcher id = TinkEncryptedFiles.ID.matcher(name.substring(0, name.length() - 4));
            if (!id.matches() || !olderThan(file, cutoff)) {
                continue;
            }
            if (isTemp) {
                temporary += Files.deleteIfExists(file) ? 1 : 0;
                continue;
            }
            List<StoredFileReferences> claimants = owners.get(id.group(1));
            if (claimants == null) {
                unclaimedPurposes.add(id.group(1));
                unclaimed++;
            } else if (claimants.stream().noneMatch(owner -> owner.references(id.group()))) {
                unreferenced += Files.deleteIfExists(file) ? 1 : 0;
            }
        }
        if (temporary + unreferenced > 0) {
            log.info("Stored file sweep removed {} temporary and {} unreferenced files", temporary, unreferenced);
        }
        if (unclaimed > 0) {
            log.warn("Kept {} stored files of purposes no module claims ({}); a module storing files should register a StoredFileReferences bean",
                    unclaimed, String.join(", ", unclaimedPurposes));
        }
        return new Result(temporary, unreferenced, unclaimed);
    }

    private static boolean olderThan(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
