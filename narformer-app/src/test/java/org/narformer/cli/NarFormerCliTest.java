package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NarFormerCliTest {
    @Test
    void helpListsCommandsAndExitCodes() {
        CliTestSupport.Run r = CliTestSupport.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("inspect"), r.out());
        assertTrue(r.out().contains("bad input"), r.out());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliTestSupport.Run r = CliTestSupport.run("--no-such-option");
        assertEquals(ExitCode.USAGE.code(), r.exitCode());
        assertTrue(r.err().contains("narformer: "), r.err());
    }
}
