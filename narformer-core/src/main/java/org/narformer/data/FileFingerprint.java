package org.narformer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.narformer.BadInputException;

/**
 * A data file as a manifest records it (provenance): its path, size and SHA-256 of its bytes as stored (a
 * {@code .gz} file is hashed compressed). JSON-serialisable.
 *
 * @param path   the file as given
 * @param bytes  size in bytes
 * @param sha256 64 lowercase hex digits
 */
public record FileFingerprint(String path, long bytes, String sha256) {
    /**
     * Reads and hashes {@code file}.
     *
     * @throws BadInputException naming the file when it is missing or unreadable
     */
    public static FileFingerprint of(Path file) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                total += n;
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file.toString(), null, "file not found");
        } catch (IOException e) {
            throw new BadInputException(file.toString(), null, "cannot read: " + e.getMessage(), e);
        }
        return new FileFingerprint(file.toString(), total, HexFormat.of().formatHex(sha.digest()));
    }
}
