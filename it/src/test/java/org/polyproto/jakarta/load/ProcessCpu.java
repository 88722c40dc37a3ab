package org.polyproto.jakarta.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used, user and system, from {@code /proc/<pid>/stat} (fields 14 and 15, in clock ticks), as a token
 * endpoint's cost per token is measured: by the server ({@code -Dload.server-pid}; without it 0), by this driver
 * ({@code /proc/self}), and by the database's processes (those of the user {@code -Dload.db-user}, such as
 * {@code postgres}; without it 0). The tick rate is {@code -Dload.clk-tck} ({@code getconf CLK_TCK}, default 100).
 * The driver's and the database's figures say what the other core spends per request: when it is full, they, not
 * the server, bound the throughput.
 */
final class ProcessCpu {

    /** Ticks used so far by the server, the driver and the database. */
    record Ticks(long server, long driver, long database) {
        Ticks minus(Ticks before) {
            return new Ticks(server - before.server, driver - before.driver, database - before.database);
        }
    }

    private static final String SERVER_PID = System.getProperty("load.server-pid", "").strip();
    private static final String DB_USER = System.getProperty("load.db-user", "").strip();
    private static final long TICKS_PER_SECOND = Long.getLong("load.clk-tck", 100);

    private ProcessCpu() {
    }

    static Ticks now() {
        return new Ticks(SERVER_PID.isEmpty() ? 0 : ticks(Path.of("/proc", SERVER_PID), true), ticks(Path.of("/proc",
                "self"), true), DB_USER.isEmpty() ? 0 : databaseTicks());
    }

    static double micros(long ticks) {
        return ticks * 1e6 / TICKS_PER_SECOND;
    }

    private static long databaseTicks() {
        long sum = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if (Files.getOwner(process).getName().equals(DB_USER)) {
                        sum += ticks(process, false);
                    }
                } catch (IOException gone) {
                    // the process ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing /proc", e);
        }
        return sum;
    }

    private static long ticks(Path process, boolean required) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // the command name (field 2) is in parentheses and may hold spaces; count fields after it
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            if (required) {
                throw new UncheckedIOException(process + "/stat", e);
            }
            return 0;
        }
    }
}
