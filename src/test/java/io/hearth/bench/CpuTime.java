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

    /** CPU nanoseconds used so far by this JVM's live threads, by the first word of their names ("https", "HttpClient"). */
    static java.util.Map<String, Long> byThreadGroup() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> groups = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null) {
                long cpu = threads.getThreadCpuTime(thread.getThreadId());
                if (cpu > 0) {
                    groups.merge(thread.getThreadName().split("[- ]")[0], cpu, Long::sum);
                }
            }
        }
        return groups;
    }
}
