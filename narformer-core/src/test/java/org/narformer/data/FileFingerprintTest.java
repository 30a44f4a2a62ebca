package org.narformer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.narformer.BadInputException;

class FileFingerprintTest {
    @TempDir
    Path dir;

    @Test
    void sha256OfTheBytes() throws IOException {
        Path f = Files.writeString(dir.resolve("abc.txt"), "abc");
        FileFingerprint fp = FileFingerprint.of(f);
        // FIPS 180-2 test vector for "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", fp.sha256());
        assertEquals(3, fp.bytes());
        ObjectMapper json = new ObjectMapper();
        assertEquals(fp, json.readValue(json.writeValueAsString(fp), FileFingerprint.class));
    }

    @Test
    void missingFileIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> FileFingerprint.of(dir.resolve("nope")));
        assertEquals(dir.resolve("nope").toString(), e.source());
    }
}
