package io.hearth.crypto.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders for key material, readable by the owner only from the moment they exist (permissions are set at
 * creation, not afterwards, so there is no moment in which another user could open them).
 */
final class PrivateFiles {

    private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private PrivateFiles() {
    }

    static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, attributes(dir, "rwx------"));
        }
        return dir;
    }

    /** A new, empty file open for writing; fails when the file exists. */
    static FileChannel createNew(Path file) throws IOException {
        return FileChannel.open(file, CREATE_NEW, attributes(file, "rw-------"));
    }

    /** Writes the content to a temporary file, forces it to disk, then renames it into place; never replaces a file. */
    static void write(Path file, byte[] content) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try (FileChannel channel = createNew(temp)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(file.toAbsolutePath().getParent());
    }

    /** Makes a rename durable; best effort, as not every file system lets a folder be opened. */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // the rename itself has happened; only its durability across a power cut is less certain
        }
    }

    private static FileAttribute<?>[] attributes(Path path, String permissions) {
        Path probe = path.toAbsolutePath();
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        if (probe != null && Files.getFileAttributeView(probe, PosixFileAttributeView.class) != null) {
            return new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) };
        }
        return new FileAttribute<?>[0];
    }
}
