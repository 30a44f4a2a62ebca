package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NasBenchCommandsHelpTest {
    @Test
    void everyProtocolCommandHasHelp() {
        for (String[] args : new String[][] {{"train", "--help"}, {"evaluate", "--help"}, {"predict", "--help"},
            {"runs", "--help"}, {"bench", "model", "--help"}}) {
            CliTestSupport.Run r = CliTestSupport.run(args);
            assertEquals(0, r.exitCode(), String.join(" ", args));
            assertTrue(r.out().startsWith("Usage: narformer " + args[0]), r.out());
        }
        CliTestSupport.Run root = CliTestSupport.run("--help");
        assertTrue(root.out().contains("train") && root.out().contains("evaluate") && root.out().contains("predict"));
    }

    @Test
    void trainHelpDocumentsTestSelectionAsNonDefault() {
        String help = CliTestSupport.run("train", "--help").out();
        assertTrue(help.contains("--select-on") && help.contains("selection on the") && help.contains("(default;"),
                help);
    }

    @Test
    void trainNeedsAnOutputDirectory() {
        assertEquals(ExitCode.USAGE.code(), CliTestSupport.run("train", "--epochs", "1").exitCode());
    }

    @Test
    void trainRefusesAnUnknownFamilyAndV2OnlyOptionsForV1() {
        CliTestSupport.Run unknown = CliTestSupport.run("train", "--model", "v3", "--out", "x");
        assertEquals(ExitCode.USAGE.code(), unknown.exitCode());
        assertTrue(unknown.err().contains("--model must be v1 or v2"), unknown.err());
        CliTestSupport.Run hidden = CliTestSupport.run("train", "--model", "v1", "--hidden", "64", "--out", "x");
        assertEquals(ExitCode.USAGE.code(), hidden.exitCode());
        assertTrue(hidden.err().contains("fixed at 192"), hidden.err());
        assertTrue(CliTestSupport.run("train", "--help").out().contains("--model"));
    }
}
