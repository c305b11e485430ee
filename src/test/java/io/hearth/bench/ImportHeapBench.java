package io.hearth.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.hearth.fhir.FhirImport;
import io.hearth.fhir.internal.ImportHeapProbe;
import io.hearth.records.ImportResult;
import io.hearth.test.SyntheaBundles;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Peak heap against bundle size: Synthea patients made larger (their entries several times, each copy with its own
 * ids, as {@code ImportHeapIT} does), imported through the portal's {@link FhirImport} parsed only (as the command line
 * does) and validated (as the endpoint does), each within the heap's import budget. The peak is the most heap in use
 * right after any collection during the import, over the heap live before it, per byte of JSON: the figure {@code
 * ImportBudget} counts with, roughly. Rough because collections come when the young generation fills, so a peak
 * between two is missed and old garbage not yet collected is counted (in a 1 GB heap the parsed figures do not even
 * grow with size); the smallest {@code -Xmx} that {@code ImportHeapProbe} succeeds in is the firm figure.
 */
final class ImportHeapBench {

    static final long MB = 1024 * 1024;
    static final String PATIENT = "Nicholas495";

    private ImportHeapBench() {
    }

    static void run(ConfigurableApplicationContext portal) throws Exception {
        System.out.println();
        System.out.printf("== FHIR import heap: %s's entries n times, one import at a time, in a heap of %d MB (rough: the most in"
                + " use right after a collection misses peaks between collections)%n", PATIENT, Runtime.getRuntime().maxMemory() / MB);
        FhirImport importer = portal.getBean(FhirImport.class);
        // the directories the patients refer to; validated, so the validator's R4 definitions are loaded (and kept)
        // before the first measurement instead of being counted in it
        for (Path file : SyntheaBundles.all().stream().filter(file -> !SyntheaBundles.patients().contains(file)).toList()) {
            try (InputStream in = Files.newInputStream(file)) {
                importer.importBundle(in, "bench", importer.maxBundleBytes(), true);
            }
        }
        int nextCopy = 1;
        for (int copies : new int[] { 1, 2, 4 }) {
            measure(importer, ImportHeapProbe.replicated(SyntheaBundles.patient(PATIENT), nextCopy, copies), false);
            nextCopy += copies;
        }
        measure(importer, ImportHeapProbe.replicated(SyntheaBundles.patient(PATIENT), nextCopy, 1), true);
    }

    private static void measure(FhirImport importer, byte[] json, boolean validate) throws Exception {
        System.gc();
        long liveBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long started = System.nanoTime();
        ImportResult result;
        long peak;
        try (HeapPeak watch = new HeapPeak()) {
            result = importer.importBundle(new ByteArrayInputStream(json), "bench", Long.MAX_VALUE, validate);
            peak = Math.max(watch.most(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        System.out.printf("%s %5.1f MB (%,d resources): %5.1f s; heap live before %4d MB, peak %4d MB in use after a collection;"
                + " %3.0f bytes of heap per byte of JSON%n", validate ? "validated" : "parsed   ", json.length / (double) MB,
                result.total(), (System.nanoTime() - started) / 1e9, liveBefore / MB, peak / MB, (peak - liveBefore) / (double) json.length);
    }

    /** The most heap in use right after any collection while open (from the collectors' notifications). */
    static final class HeapPeak implements NotificationListener, AutoCloseable {

        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        private final AtomicLong most = new AtomicLong();

        HeapPeak() {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener(this, null, null);
            }
        }

        long most() {
            return most.get();
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var after = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo().getMemoryUsageAfterGc();
                long used = after.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed()).sum();
                most.accumulateAndGet(used, Math::max);
            }
        }

        @Override
        public void close() throws ListenerNotFoundException {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).removeNotificationListener(this);
            }
        }
    }
}
