package io.hearth.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.fhir.BundleRejectedException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ImportBudgetTests {

    static final long MB = 1024 * 1024;

    @Test
    void aOneGigabyteHeapImportsNoBundleLargerThanItCanHold() {
        ImportBudget budget = new ImportBudget(1, 1024 * MB);

        assertThat(budget.bounded(32 * MB, false)).as("parsed only: the setting").isEqualTo(32 * MB);
        assertThat(budget.bounded(32 * MB, true)).as("the validator's share").isEqualTo(768 * MB / 80).isLessThan(10 * MB);
        assertThat(budget.heapNeeded(32 * MB, true) / MB).as("the heap a 32 MB validated bundle needs").isEqualTo(256 + 32 * 80);
        assertThat(new ImportBudget(2, 1024 * MB).bounded(32 * MB, true)).as("two at a time share the heap").isEqualTo(768 * MB / 80 / 2);
    }

    @Test
    void whileTheConfiguredNumberOfImportsRunAnotherWaitsAndIsRefusedAsBusy() throws Exception {
        ImportBudget budget = new ImportBudget(1, 1024 * MB, java.time.Duration.ofMillis(200));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread running = new Thread(() -> budget.run(() -> {
            started.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        running.start();
        started.await();

        assertThatThrownBy(() -> budget.run(() -> "second")).isInstanceOfSatisfying(BundleRejectedException.class,
                rejected -> assertThat(rejected.problem()).isEqualTo(BundleRejectedException.Problem.BUSY));
        finish.countDown();
        running.join();
        assertThat(budget.run(() -> "after")).isEqualTo("after");
    }
}
