package io.hearth.fhir.internal;

import io.hearth.fhir.BundleRejectedException;
import io.hearth.fhir.BundleRejectedException.Problem;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps imports inside the heap, so that no bundle can run the portal out of memory (an OutOfMemoryError strikes
 * whichever thread allocates next: the database pool's, Tomcat's acceptor). HAPI holds a whole bundle as objects,
 * and its validator far more on top. Measured with {@code ImportHeapProbe} on Synthea bundles (JDK 17, G1): parsed and
 * mapped, 10 MB of JSON fit in a 128 MB heap and 30 MB in 384 MB; validated, 10 MB ran out of memory in 384 MB and
 * fit in 768 MB. Hence {@value #PARSED_HEAP_PER_BYTE} and {@value #VALIDATED_HEAP_PER_BYTE} bytes of heap per byte of
 * JSON, with room to spare. At most {@code concurrentImports} bundles are imported at a time, and none larger than the
 * heap left after {@link #RESERVED} for the rest of the portal allows, whatever the configured or requested limit.
 * The reserve is measured by {@code ImportHeapIT} (the portal in its own JVM with {@code -Xmx512m}, on PostgreSQL): 109
 * MB live after start-up and a few pages, about 250 MB once the validator has loaded the R4 definitions, which it keeps;
 * there a validated bundle of 92% of the budget (3.0 of 3.2 MB) peaked at 448 MB in use after a collection.
 */
final class ImportBudget {

    static final int PARSED_HEAP_PER_BYTE = 16;
    static final int VALIDATED_HEAP_PER_BYTE = 80;
    static final long RESERVED = 256L * 1024 * 1024;
    static final Duration WAIT = Duration.ofMinutes(1);

    private final Semaphore running;
    private final int concurrent;
    private final long maxHeap;
    private final Duration wait;

    ImportBudget(int concurrentImports, long maxHeap) {
        this(concurrentImports, maxHeap, WAIT);
    }

    ImportBudget(int concurrentImports, long maxHeap, Duration wait) {
        this.running = new Semaphore(concurrentImports, true);
        this.concurrent = concurrentImports;
        this.maxHeap = maxHeap;
        this.wait = wait;
    }

    /** The limit asked for, or less when the heap cannot hold a bundle that large. */
    long bounded(long asked, boolean validate) {
        return Math.min(asked, Math.max(0, (maxHeap - RESERVED) / perByte(validate) / concurrent));
    }

    /** The heap a node needs to import bundles of this size, as many at a time as configured. */
    long heapNeeded(long bundleBytes, boolean validate) {
        return RESERVED + bundleBytes * perByte(validate) * concurrent;
    }

    long maxHeap() {
        return maxHeap;
    }

    private static int perByte(boolean validate) {
        return validate ? VALIDATED_HEAP_PER_BYTE : PARSED_HEAP_PER_BYTE;
    }

    /** Runs one import once fewer than the configured number are running; refuses (busy) after a minute's wait. */
    <T> T run(Supplier<T> importing) {
        try {
            if (!running.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BundleRejectedException(Problem.BUSY, "Bundle", "other bundles are being imported; send it again in a minute");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BundleRejectedException(Problem.BUSY, "Bundle", "the import was interrupted; send the bundle again");
        }
        try {
            return importing.get();
        } finally {
            running.release();
        }
    }
}
