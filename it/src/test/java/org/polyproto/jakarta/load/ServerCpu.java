package org.polyproto.jakarta.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time the server process has used, user and system, from {@code /proc/<pid>/stat} (fields 14 and 15, in
 * clock ticks), as a token endpoint's cost per token is measured. The process is {@code -Dload.server-pid}, the
 * tick rate {@code -Dload.clk-tck} ({@code getconf CLK_TCK}, default 100); without a PID every figure is 0.
 */
final class ServerCpu {

    private static final String PID = System.getProperty("load.server-pid", "");
    private static final long TICKS_PER_SECOND = Long.getLong("load.clk-tck", 100);

    private ServerCpu() {
    }

    static long ticks() {
        if (PID.isBlank()) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", PID.strip(), "stat"));
            // the command name (field 2) is in parentheses and may hold spaces; count fields after it
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new UncheckedIOException("the server's /proc/" + PID + "/stat", e);
        }
    }

    static double micros(long ticks) {
        return ticks * 1e6 / TICKS_PER_SECOND;
    }
}
