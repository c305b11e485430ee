package io.hearth.bench;

import io.hearth.appointments.internal.AppointmentAccess;
import io.hearth.appointments.internal.Booking;
import io.hearth.appointments.internal.BookingRefusedException;
import io.hearth.appointments.internal.Bookings;
import io.hearth.appointments.internal.PracticeSetup;
import io.hearth.appointments.internal.Schedules;
import io.hearth.identity.Accounts;
import io.hearth.identity.Caller;
import io.hearth.identity.Role;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;

/**
 * Appointments: how long a week of free times takes to compute for a busy provider, how many bookings per second the
 * slot claims admit, and how fast 50 simultaneous bookings of one time are settled (exactly one winner).
 */
final class AppointmentsBench {

    private AppointmentsBench() {
    }

    static void run(ConfigurableApplicationContext portal) throws Exception {
        System.out.println();
        System.out.println("== Appointments: free times of a week, bookings per second, 50 patients racing for one time (PostgreSQL)");
        Accounts accounts = portal.getBean(Accounts.class);
        PracticeSetup setup = portal.getBean(PracticeSetup.class);
        Bookings bookings = portal.getBean(Bookings.class);
        Schedules schedules = portal.getBean(Schedules.class);
        UUID practitioner = UUID.randomUUID();
        accounts.create("bench.provider", "Dr. Bench", "harbor-lantern-quilt-42".toCharArray(), Set.of(Role.PROVIDER));
        accounts.linkPractitioner("bench.provider", practitioner);
        Caller desk = portal.getBean(AppointmentAccess.class).person(new TestingAuthenticationToken("bench.setup", "", Role.FRONT_DESK.authority()));
        UUID clinic = setup.saveLocation(desk, null, "Bench clinic", null, true);
        UUID visit = setup.saveType(desk, null, "Bench visit", 15, Booking.DIRECT, true, 365, 0, true);
        for (DayOfWeek day : DayOfWeek.values()) {
            setup.addHours(desk, practitioner, clinic, day, LocalTime.of(8, 0), LocalTime.of(18, 0));
        }
        Practice practice = new Practice(bookings, visit, practitioner);
        LocalDate monday = schedules.today().plusWeeks(1).with(DayOfWeek.MONDAY);
        List<Instant> week = new ArrayList<>();
        schedules.freeWeek(desk, UUID.randomUUID(), visit, practitioner, monday).forEach(day -> day.starts().forEach(s -> week.add(s.toInstant())));

        // half the week booked, one patient each
        AtomicInteger booked = new AtomicInteger();
        double seconds = timed(() -> parallel(8, i -> {
            for (int n = i; n < week.size(); n += 16) {
                practice.book(week.get(n));
                booked.incrementAndGet();
            }
        }));
        System.out.printf("booking: %,d appointments by 8 threads in %.2f s = %,.0f bookings/s (each: rules, insert, claims, audit)%n", booked.get(),
                seconds, booked.get() / seconds);

        Caller patient = patient();
        int runs = 0;
        long started = System.nanoTime();
        while (System.nanoTime() - started < Bench.SECONDS * 1e9) {
            schedules.freeWeek(patient, patient.patientId(), visit, practitioner, monday);
            runs++;
        }
        System.out.printf("free times of a week (%,d slots, %,d of them booked): %.2f ms per page%n", week.size(), booked.get(),
                (System.nanoTime() - started) / 1e6 / runs);

        Instant contested = week.get(1);
        AtomicInteger winners = new AtomicInteger();
        CountDownLatch gate = new CountDownLatch(1);
        double race = timed(() -> parallel(50, i -> {
            gate.await();
            try {
                practice.book(contested.plus(java.time.Duration.ofDays(7)));
                winners.incrementAndGet();
            } catch (BookingRefusedException taken) {
                // the other 49
            }
        }, gate));
        System.out.printf("50 simultaneous bookings of one time: %d winner, settled in %.0f ms%n", winners.get(), race * 1000);
    }

    /** One type with one provider, booked each time by a new patient. */
    private record Practice(Bookings bookings, UUID type, UUID provider) {

        void book(Instant start) {
            Caller patient = patient();
            bookings.book(patient, patient.patientId(), type, provider, start, null);
        }
    }

    private static Caller patient() {
        String name = "bench-" + UUID.randomUUID();
        return Caller.person(null, name, null, Set.of(Role.PATIENT), UUID.randomUUID(), null);
    }

    interface Work {
        void run(int thread) throws Exception;
    }

    interface Timed {
        void run() throws Exception;
    }

    private static double timed(Timed work) throws Exception {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e9;
    }

    private static void parallel(int threads, Work work) throws Exception {
        parallel(threads, work, null);
    }

    private static void parallel(int threads, Work work, CountDownLatch gate) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    work.run(thread);
                    return null;
                }));
            }
            if (gate != null) {
                gate.countDown();
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
