package org.narformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NarFormerCliTest {
    @Test
    void helpListsCommandsAndExitCodes() {
        CliTestSupport.Run r = CliTestSupport.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("inspect"), r.out());
        assertTrue(r.out().contains("bad input"), r.out());
    }

    @Test
    void everyCommandHasHelpThatFormatsCleanly() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new NarFormerCli()), new ArrayList<>(), commands);
        assertTrue(commands.size() > 20, "all subcommands found: " + commands);
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            CliTestSupport.Run r = CliTestSupport.run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), String.join(" ", args));
            assertTrue(r.out().startsWith("Usage:"), String.join(" ", args) + ": " + r.out());
            assertFalse(r.err().contains("WARN"), String.join(" ", args) + ": " + r.err());
        }
    }

    private static void collect(CommandLine cli, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            if (!sub.getKey().equals("help")) {
                path.add(sub.getKey());
                collect(sub.getValue(), path, out);
                path.remove(path.size() - 1);
            }
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliTestSupport.Run r = CliTestSupport.run("--no-such-option");
        assertEquals(ExitCode.USAGE.code(), r.exitCode());
        assertTrue(r.err().contains("narformer: "), r.err());
    }
}
