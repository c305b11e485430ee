package io.hearth.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time used so far, in nanoseconds, by this JVM and by the local PostgreSQL server's processes (Linux /proc). */
final class CpuTime {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

    private CpuTime() {
    }

    static long jvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** 0 where /proc cannot tell (not Linux, or the server runs elsewhere). */
    static long postgres() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).mapToLong(CpuTime::ifPostgres).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long ifPostgres(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int close = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK; // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }

    /**
     * CPU nanoseconds used so far by this JVM's live threads, Java's and the VM's own (garbage collector, compilers), by
     * the first word of their names as Linux keeps them ("https", "HttpClient", "GC", "C2"). Empty where /proc cannot tell.
     */
    static java.util.Map<String, Long> byThreadGroup() {
        java.util.Map<String, Long> groups = new java.util.TreeMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close).split("[- #]")[0];
                    String[] fields = stat.substring(close + 2).split(" ");
                    groups.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            return groups;
        }
        return groups;
    }
}
