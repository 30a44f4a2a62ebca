package org.narformer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArtifactManifestTest {

    @Test
    void gitShaIsTheCommitTheBuildRecorded() {
        String previous = System.clearProperty("narformer.gitSha");
        try {
            String sha = ArtifactManifest.gitSha();
            assertTrue(sha.matches("[0-9a-f]{40}(-dirty)?"), sha);
        } finally {
            if (previous != null) {
                System.setProperty("narformer.gitSha", previous);
            }
        }
    }

    @Test
    void theSystemPropertyOverridesTheBuildsCommit() {
        String previous = System.setProperty("narformer.gitSha", "0123abc");
        try {
            assertEquals("0123abc", ArtifactManifest.gitSha());
        } finally {
            if (previous == null) {
                System.clearProperty("narformer.gitSha");
            } else {
                System.setProperty("narformer.gitSha", previous);
            }
        }
    }
}
