package io.hearth.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.hearth.appointments.internal.AppointmentAccess;
import io.hearth.appointments.internal.AppointmentReminders;
import io.hearth.appointments.internal.Booking;
import io.hearth.appointments.internal.BookingRefusedException;
import io.hearth.appointments.internal.Bookings;
import io.hearth.appointments.internal.PracticeSetup;
import io.hearth.appointments.internal.WaitList;
import io.hearth.audit.Actor;
import io.hearth.identity.Accounts;
import io.hearth.identity.Caller;
import io.hearth.identity.Role;
import io.hearth.patients.EmailConsent;
import io.hearth.test.PortalClient;
import io.hearth.test.PortalTest;
import io.hearth.test.TestAccounts;
import io.hearth.test.TestAudit;
import io.hearth.test.TestClock;
import io.hearth.test.TestMail;
import io.hearth.test.TestRecords;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.TestPropertySource;

/**
 * Appointments through the real stack (HTTPS, PostgreSQL, GreenMail). Two providers work every day around the clock
 * (so any future time on the grid is bookable); Ada, Cy and Dee are in Dr. One's care team, Ben and Eve in Dr. Two's.
 * Ada and Ben agreed to email; the others did not.
 */
@PortalTest
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=20")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppointmentsIT {

    static final String PASSWORD = "copper-meadow-violin-58";
    static final ZoneId ZONE = ZoneId.of("America/New_York");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TestAccounts people;

    @Autowired
    TestRecords testRecords;

    @Autowired
    TestAudit audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmailConsent consent;

    @Autowired
    PracticeSetup setup;

    @Autowired
    Bookings bookings;

    @Autowired
    WaitList waitList;

    @Autowired
    AppointmentReminders reminders;

    @Autowired
    AppointmentAccess access;

    UUID ada, ben, cy, dee, eve, drOne, drTwo, clinic, followUp, newPatient, physical;

    @BeforeAll
    void practice() {
        ada = patient("ada", "Ada", "Quill", "111", true);
        ben = patient("ben", "Ben", "Rook", "222", true);
        cy = patient("cy", "Cy", "Vane", "111", false);
        dee = patient("dee", "Dee", "Moss", "222", false);
        eve = patient("eve", "Eve", "Lark", "222", false);
        drOne = testRecords.practitioner("111");
        drTwo = testRecords.practitioner("222");
        staff("dr.one", "Dr. Una One", drOne, Role.PROVIDER);
        staff("dr.two", "Dr. Tom Two", drTwo, Role.PROVIDER);
        staff("desk.one", "Desk Clerk", null, Role.FRONT_DESK);

        Caller desk = person("desk.one");
        clinic = setup.saveLocation(desk, null, "Main clinic", "1 Test Street", true);
        followUp = setup.saveType(desk, null, "Follow-up visit", 30, Booking.DIRECT, false, 365, 24, true);
        newPatient = setup.saveType(desk, null, "New patient visit", 60, Booking.DIRECT, true, 365, 48, true);
        physical = setup.saveType(desk, null, "Annual physical", 45, Booking.REQUEST, false, 365, 24, true);
        for (UUID provider : List.of(drOne, drTwo)) {
            for (DayOfWeek day : DayOfWeek.values()) {
                setup.addHours(desk, provider, clinic, day, LocalTime.MIDNIGHT, LocalTime.of(23, 45));
            }
        }
    }

    // ---- no double booking ----------------------------------------------------------------------------------------

    @Test
    void fiftyPatientsTryOneSlotAtOnceAndExactlyOneGetsIt() throws Exception {
        Instant slot = at(day(10), 10, 0);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        for (int i = 0; i < 50; i++) {
            UUID somebody = UUID.randomUUID();
            Caller patient = Caller.person(null, "p" + i, null, Set.of(Role.PATIENT), somebody, null);
            attempts.add(() -> {
                gate.await();
                try {
                    bookings.book(patient, somebody, newPatient, drOne, slot, null);
                    return true;
                } catch (BookingRefusedException refused) {
                    assertThat(refused.key()).isEqualTo("appointments.refused.taken");
                    return false;
                }
            });
        }
        assertThat(winners(attempts, gate)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from appointment where practitioner_id = ? and starts_at = ? and status = 'BOOKED'",
                Long.class, drOne, java.sql.Timestamp.from(slot))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from slot_claim where practitioner_id = ? and unit_start >= ? and unit_start < ?", Long.class,
                drOne, java.sql.Timestamp.from(slot), java.sql.Timestamp.from(slot.plus(Duration.ofHours(1))))).as("four 15-minute units").isEqualTo(4);
    }

    @Test
    void aPatientWithFourUpcomingFiresTenBookingsAtOnceAndOnlyTheFifthGetsThrough() throws Exception {
        UUID somebody = UUID.randomUUID();
        Caller patient = Caller.person(null, "racer", null, Set.of(Role.PATIENT), somebody, null);
        LocalDate day = day(120);
        for (int hour = 1; hour <= 4; hour++) {
            bookings.book(patient, somebody, newPatient, drTwo, at(day, hour, 0), null);
        }
        List<Callable<Boolean>> attempts = new ArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        for (int hour = 10; hour < 20; hour++) {
            Instant free = at(day, hour, 0); // ten different free times: no slot claim stands in the way
            attempts.add(() -> {
                gate.await();
                try {
                    bookings.book(patient, somebody, newPatient, drTwo, free, null);
                    return true;
                } catch (BookingRefusedException refused) {
                    assertThat(refused.key()).isEqualTo("appointments.refused.tooMany");
                    assertThat(refused.args()).containsExactly(5);
                    return false;
                }
            });
        }
        assertThat(winners(attempts, gate)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from appointment where patient_id = ? and status in ('BOOKED', 'REQUESTED', 'PROPOSED')"
                + " and starts_at > ?", Long.class, somebody, java.sql.Timestamp.from(clockNow()))).isEqualTo(5);
        assertThat(bookings.book(person("desk.one"), somebody, newPatient, drTwo, at(day, 22, 0), null)).as("staff may book more").isNotNull();
    }

    @Test
    void aPatientBooksInThePagesAndTheOneWhoIsLateSeesWhyAndFreshTimes() {
        PortalClient adaClient = signedIn("ada.patient");
        PortalClient cyClient = signedIn("cy.patient");
        LocalDate day = day(12);
        Instant slot = at(day, 11, 0);
        String page = "/my/appointments/book?type=" + followUp + "&provider=" + drOne + "&from=" + day;
        assertThat(adaClient.get(page).body()).contains("value=\"" + slot + "\"", "Eastern");

        HttpResponse<String> booked = adaClient.submit(page, "/my/appointments", form("type", followUp, "provider", drOne, "start", slot, "reason",
                "Knee still swollen"));
        assertThat(booked.statusCode()).isEqualTo(302);
        String detail = path(booked);
        assertThat(adaClient.get(detail).body()).contains("Follow-up visit", "Dr. Una One", "Knee still swollen", "Booked");

        HttpResponse<String> late = cyClient.submit(page, "/my/appointments", form("type", followUp, "provider", drOne, "start", slot));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("just taken").doesNotContain("value=\"" + slot + "\"").contains("value=\"" + slot.plus(Duration.ofMinutes(30)) + "\"");

        assertThat(adaClient.get("/").body()).as("her home page names her next appointment").contains("Your next appointment", "Follow-up visit",
                "Dr. Una One");

        HttpResponse<String> calendar = adaClient.get(detail + "/calendar.ics");
        assertThat(calendar.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(calendar.body()).contains("BEGIN:VEVENT", "DTSTART:" + slot.toString().replace("-", "").replace(":", ""), "Main clinic")
                .doesNotContain("Knee");
    }

    @Test
    void patientsBookOnlyWithTheirCareTeamUnlessTheTypeIsForNewPatientsAndNeverInThePastOrBeyondTheHorizon() {
        PortalClient benClient = signedIn("ben.patient");
        String page = "/my/appointments/book";
        HttpResponse<String> outside = benClient.submit(page, "/my/appointments", form("type", followUp, "provider", drOne, "start", at(day(14), 9, 0)));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("only with a provider of your care team");
        assertThat(benClient.submit(page, "/my/appointments", form("type", newPatient, "provider", drOne, "start", at(day(14), 9, 0))).statusCode())
                .isEqualTo(302);

        HttpResponse<String> past = benClient.submit(page, "/my/appointments", form("type", followUp, "provider", drTwo, "start", at(day(-1), 9, 0)));
        assertThat(past.body()).contains("already passed");
        HttpResponse<String> far = benClient.submit(page, "/my/appointments", form("type", followUp, "provider", drTwo, "start", at(day(400), 9, 0)));
        assertThat(far.body()).contains("at most 365 days ahead");
        HttpResponse<String> offGrid = benClient.submit(page, "/my/appointments", form("type", followUp, "provider", drTwo, "start", at(day(15), 9, 7)));
        assertThat(offGrid.body()).contains("not available at that time");
        for (int week = 0; jdbc.queryForObject("select count(*) from appointment where patient_id = ? and status in ('BOOKED', 'REQUESTED', 'PROPOSED')"
                + " and starts_at > ?", Long.class, ben, java.sql.Timestamp.from(clockNow())) < 5; week++) {
            assertThat(benClient.submit(page, "/my/appointments", form("type", followUp, "provider", drTwo, "start", at(day(70 + week), 9, 0)))
                    .statusCode()).isEqualTo(302);
        }
        HttpResponse<String> sixth = benClient.submit(page, "/my/appointments", form("type", followUp, "provider", drTwo, "start", at(day(90), 9, 0)));
        assertThat(sixth.statusCode()).isEqualTo(400);
        assertThat(sixth.body()).contains("You already have 5 upcoming appointments");
        HttpResponse<String> noTime = benClient.submit(page, "/my/appointments", form("type", followUp, "provider", drTwo, "start", "tomorrow"));
        assertThat(noTime.statusCode()).isEqualTo(400);
        assertThat(noTime.body()).contains("Please choose a time");
    }

    // ---- time zone --------------------------------------------------------------------------------------------------

    @Test
    void theWeekOfTheNextDaylightSavingChangeShowsNineOClockOnBothSides() {
        // the shared test clock may be anywhere in the year by now: take the next change after it (at least two days on)
        java.time.zone.ZoneOffsetTransition change = ZONE.getRules().nextTransition(clockNow().plus(Duration.ofDays(2)));
        LocalDate changeDay = change.getInstant().atZone(ZONE).toLocalDate();
        Instant nineBefore = changeDay.minusDays(1).atTime(9, 0).atZone(ZONE).toInstant();
        Instant nineAfter = changeDay.plusDays(1).atTime(9, 0).atZone(ZONE).toInstant();
        assertThat(Duration.between(nineBefore, nineAfter)).isNotEqualTo(Duration.ofHours(48));

        PortalClient adaClient = signedIn("ada.patient");
        String body = adaClient.get("/my/appointments/book?type=" + followUp + "&provider=" + drOne + "&from=" + changeDay.minusDays(1)).body();
        assertThat(body).contains("value=\"" + nineBefore + "\"", "value=\"" + nineAfter + "\"", "EST", "EDT", "America/New_York")
                // half-hourly from midnight in real time: the half hour before the change and the change itself, whatever the clocks say
                .contains("value=\"" + change.getInstant().minus(Duration.ofMinutes(30)) + "\"", "value=\"" + change.getInstant() + "\"");
        String legend = "<legend>" + changeDay.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.ENGLISH));
        String changeDayTimes = body.substring(body.indexOf(legend), body.indexOf("</fieldset>", body.indexOf(legend)));
        if (change.isGap()) {
            assertThat(changeDayTimes).as("the skipped hour has no times").doesNotContainPattern(">2:\\d\\d\\W+AM");
        } else {
            assertThat(changeDayTimes).as("the repeated hour, once in each offset").containsPattern(">1:00\\W+AM EDT<").containsPattern(">1:00\\W+AM EST<");
        }
    }

    // ---- cancelling -----------------------------------------------------------------------------------------------------

    @Test
    void patientsCannotCancelInsideTheCutOffButCanBefore() {
        Caller desk = person("desk.one");
        Instant soon = freeAfter(drTwo, clockNow().plus(Duration.ofHours(23)));
        Instant later = freeAfter(drTwo, clockNow().plus(Duration.ofHours(30)));
        assertThat(soon).isBefore(clockNow().plus(Duration.ofHours(24)));
        UUID tooLate = bookings.book(desk, ben, followUp, drTwo, soon, null);
        UUID inTime = bookings.book(desk, ben, followUp, drTwo, later, null);
        PortalClient benClient = signedIn("ben.patient");

        HttpResponse<String> refused = benClient.submit("/my/appointments/" + tooLate, "/my/appointments/" + tooLate + "/cancel", "");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("less than 24 hours before");
        assertThat(status(tooLate)).isEqualTo("BOOKED");

        assertThat(benClient.submit("/my/appointments/" + inTime, "/my/appointments/" + inTime + "/cancel", "").statusCode()).isEqualTo(302);
        assertThat(status(inTime)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select count(*) from slot_claim where appointment_id = ?", Long.class, inTime)).isZero();
    }

    @Test
    void thePracticeCancelsWithAReasonThePatientSeesAndAnEmailThatSaysNothingElse() {
        int mails = mailsTo("ada@mail.test", "appointment changed").size();
        UUID appointment = bookings.book(person("desk.one"), ada, followUp, drOne, at(day(20), 14, 0), null);
        PortalClient desk = signedIn("desk.one");
        HttpResponse<String> noReason = desk.submit("/staff/appointments/" + appointment, "/staff/appointments/" + appointment + "/cancel", "reason=");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(status(appointment)).isEqualTo("BOOKED");
        assertThat(desk.submit("/staff/appointments/" + appointment, "/staff/appointments/" + appointment + "/cancel",
                form("reason", "Dr. One is unwell that day")).statusCode()).isEqualTo(302);

        assertThat(signedIn("ada.patient").get("/my/appointments/" + appointment).body()).contains("The practice: Dr. One is unwell that day");
        List<MimeMessage> told = mailsTo("ada@mail.test", "appointment changed");
        assertThat(told).hasSize(mails + 2); // booked for her, then cancelled
        for (MimeMessage mail : told) {
            assertThat(GreenMailUtil.getWholeMessage(mail)).doesNotContain("unwell", "Una", "Follow-up", "Main clinic");
        }
    }

    // ---- who sees what ------------------------------------------------------------------------------------------------

    @Test
    void anotherPatientsAppointmentAndOneOutsideTheCareTeamAnswer404AndAreAudited() {
        UUID adas = bookings.book(person("desk.one"), ada, followUp, drOne, at(day(21), 9, 0), "Private matter");
        audit.awaitChained();
        long denied = denied();
        assertThat(signedIn("ben.patient").get("/my/appointments/" + adas).statusCode()).isEqualTo(404);
        assertThat(signedIn("ben.patient").get("/my/appointments/" + adas + "/calendar.ics").statusCode()).isEqualTo(404);
        PortalClient benClient = signedIn("ben.patient");
        for (String action : List.of("/cancel", "/accept", "/wait-list")) {
            assertThat(benClient.submit("/my/appointments", "/my/appointments/" + adas + action, "").statusCode()).as(action).isEqualTo(404);
        }
        assertThat(benClient.get("/my/appointments/book?reschedule=" + adas).statusCode()).isEqualTo(404);
        PortalClient drTwoClient = signedIn("dr.two");
        assertThat(drTwoClient.get("/staff/appointments/" + adas).statusCode()).isEqualTo(404);
        assertThat(drTwoClient.submit("/staff/schedule", "/staff/appointments/" + adas + "/cancel", "reason=x").statusCode()).isEqualTo(404);
        assertThat(status(adas)).isEqualTo("BOOKED");
        assertThat(denied()).isEqualTo(denied + 8);

        String othersSchedule = drTwoClient.get("/staff/schedule?provider=" + drOne + "&day=" + day(21)).body();
        assertThat(othersSchedule).contains("Booked (not your patient)").doesNotContain("Ada Quill", "Private matter");
        assertThat(signedIn("dr.one").get("/staff/schedule?day=" + day(21)).body()).contains("Ada Quill");
        String deskView = signedIn("desk.one").get("/staff/appointments/" + adas).body();
        assertThat(deskView).contains("Ada Quill", "Private matter");
        assertThat(signedIn("ada.patient").get("/staff/schedule").statusCode()).isEqualTo(403);
        assertThat(drTwoClient.get("/staff/scheduling").statusCode()).isEqualTo(403);
    }

    @Test
    void theFrontDeskFindsAnyPatientToBookForAndAClinicianOnlyTheirCareTeam() {
        PortalClient desk = signedIn("desk.one");
        String found = desk.get("/staff/appointments/book?q=quill").body();
        assertThat(found).contains("Ada Quill", "patient=" + ada);
        String page = "/staff/appointments/book?patient=" + ada + "&type=" + followUp + "&provider=" + drOne + "&from=" + day(50);
        assertThat(desk.get(page).body()).contains("Booking for Ada Quill.", "value=\"" + at(day(50), 9, 0) + "\"");
        HttpResponse<String> booked = desk.submit(page, "/staff/appointments", form("patient", ada, "type", followUp, "provider", drOne, "start",
                at(day(50), 9, 0)));
        assertThat(booked.statusCode()).isEqualTo(302);
        assertThat(desk.get(path(booked)).body()).contains("Appointment of Ada Quill", "Booked");

        PortalClient drTwoClient = signedIn("dr.two");
        assertThat(drTwoClient.get("/staff/appointments/book?q=quill").body()).doesNotContain("Ada Quill").contains("No patient found");
        assertThat(drTwoClient.get("/staff/appointments/book?patient=" + ada).statusCode()).isEqualTo(404);
        assertThat(drTwoClient.submit("/staff/schedule", "/staff/appointments", form("patient", ada, "type", followUp, "provider", drOne, "start",
                at(day(50), 10, 0))).statusCode()).isEqualTo(404);
    }

    // ---- requests --------------------------------------------------------------------------------------------------------

    @Test
    void aRequestIsConfirmedOnlyWhenThePatientAcceptsTheTimeTheProviderProposed() {
        PortalClient adaClient = signedIn("ada.patient");
        Instant asked = at(day(30), 9, 0);
        HttpResponse<String> requested = adaClient.submit("/my/appointments/book", "/my/appointments", form("type", physical, "provider", drOne, "start",
                asked));
        assertThat(requested.statusCode()).isEqualTo(302);
        UUID id = UUID.fromString(path(requested).replace("/my/appointments/", ""));
        assertThat(status(id)).isEqualTo("REQUESTED");
        assertThat(jdbc.queryForObject("select count(*) from slot_claim where appointment_id = ?", Long.class, id)).as("a request holds no time").isZero();

        PortalClient drOneClient = signedIn("dr.one");
        assertThat(drOneClient.get("/staff/appointments/requests").body()).contains("Ada Quill", "Annual physical");
        String proposed = day(31) + "T10:15";
        assertThat(drOneClient.submit("/staff/appointments/" + id, "/staff/appointments/" + id + "/propose", form("start", proposed)).statusCode())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("PROPOSED");

        assertThat(adaClient.submit("/my/appointments/" + id, "/my/appointments/" + id + "/accept", "").statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("BOOKED");
        assertThat(jdbc.queryForObject("select starts_at from appointment where id = ?", java.sql.Timestamp.class, id).toInstant())
                .isEqualTo(at(day(31), 10, 15));
        assertThat(jdbc.queryForObject("select count(*) from slot_claim where appointment_id = ?", Long.class, id)).isEqualTo(3);
    }

    // ---- wait list ----------------------------------------------------------------------------------------------------

    @Test
    void whenTimeFreesUpEveryoneWaitingIsOfferedItAndTheFirstToAcceptGetsIt() throws Exception {
        Caller desk = person("desk.one");
        LocalDate day = day(40);
        UUID evesEarly = bookings.book(desk, eve, followUp, drTwo, at(day, 10, 0), null);
        UUID bensLate = bookings.book(desk, ben, followUp, drTwo, at(day, 15, 0), null);
        UUID deesLate = bookings.book(desk, dee, followUp, drTwo, at(day, 16, 0), null);
        waitList.join(person("ben.patient"), bensLate);
        waitList.join(person("dee.patient"), deesLate);
        waitList.join(person("dee.patient"), deesLate); // twice changes nothing
        int benMails = mailsTo("ben@mail.test", "earlier appointment").size();

        bookings.cancel(person("eve.patient"), evesEarly, null);

        List<WaitList.Offer> bensOffers = waitList.openOffers(person("ben.patient"));
        List<WaitList.Offer> deesOffers = waitList.openOffers(person("dee.patient"));
        assertThat(bensOffers).singleElement().extracting(WaitList.Offer::startsAt).isEqualTo(at(day, 10, 0));
        assertThat(deesOffers).hasSize(1);
        assertThat(mailsTo("ben@mail.test", "earlier appointment")).hasSize(benMails + 1);
        assertThat(GreenMailUtil.getWholeMessage(mailsTo("ben@mail.test", "earlier appointment").get(benMails))).doesNotContain("Tom", "10:00");

        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> benAccepts = pool.submit(() -> accept(gate, "ben.patient", bensOffers.get(0).id()));
            Future<String> deeAccepts = pool.submit(() -> accept(gate, "dee.patient", deesOffers.get(0).id()));
            gate.countDown();
            List<String> outcomes = List.of(benAccepts.get(), deeAccepts.get());
            assertThat(outcomes).containsExactlyInAnyOrder("accepted", "appointments.refused.offerTaken");
        } finally {
            pool.shutdownNow();
        }
        long atTen = jdbc.queryForObject("select count(*) from appointment where practitioner_id = ? and starts_at = ? and status = 'BOOKED'",
                Long.class, drTwo, java.sql.Timestamp.from(at(day, 10, 0)));
        assertThat(atTen).isEqualTo(1);

        PortalClient benClient = signedIn("ben.patient");
        HttpResponse<String> offerPage = benClient.get("/my/appointments/offers/" + bensOffers.get(0).id());
        assertThat(offerPage.statusCode()).isEqualTo(200);
        assertThat(signedIn("ada.patient").get("/my/appointments/offers/" + bensOffers.get(0).id()).statusCode()).isEqualTo(404);
    }

    private String accept(CountDownLatch gate, String username, UUID offer) throws InterruptedException {
        gate.await();
        try {
            waitList.accept(person(username), offer);
            return "accepted";
        } catch (BookingRefusedException refused) {
            return refused.key();
        }
    }

    // ---- reminders ---------------------------------------------------------------------------------------------------

    @Test
    void aReminderGoesOutOnceADayAheadAndOnlyToPatientsWhoAgreedToEmail() {
        reminders.sendDue(); // whatever other tests left due
        Instant start = freeAfter(drOne, clockNow().plus(Duration.ofHours(26)));
        while (!freeAfter(drOne, start.plus(Duration.ofMinutes(30))).equals(start.plus(Duration.ofMinutes(30)))) {
            start = freeAfter(drOne, start.plus(Duration.ofMinutes(15))); // room for Cy right after Ada
        }
        Duration untilDue = Duration.between(clockNow(), start).minus(Duration.ofHours(24)).plusMinutes(1);
        UUID adas = bookings.book(person("desk.one"), ada, followUp, drOne, start, "Headaches");
        UUID cys = bookings.book(person("desk.one"), cy, followUp, drOne, start.plus(Duration.ofMinutes(30)), null);
        int before = mailsTo("ada@mail.test", "upcoming appointment").size();

        assertThat(reminders.sendDue()).as("26 hours ahead: not yet").isZero();
        TestClock.INSTANCE.advance(untilDue);
        assertThat(reminders.sendDue()).as("Ada's").isEqualTo(1);
        assertThat(reminders.sendDue()).as("never twice").isZero();

        List<MimeMessage> told = mailsTo("ada@mail.test", "upcoming appointment");
        assertThat(told).hasSize(before + 1);
        assertThat(GreenMailUtil.getWholeMessage(told.get(before))).contains("/my/appointments/" + adas).doesNotContain("Headaches", "Una", "Main clinic");
        assertThat(jdbc.queryForObject("select reminder_sent_at is null from appointment where id = ?", Boolean.class, cys)).as("half an hour later").isTrue();

        TestClock.INSTANCE.advance(Duration.ofMinutes(30));
        assertThat(reminders.sendDue()).as("Cy's is due but Cy did not agree to email").isZero();
        assertThat(jdbc.queryForObject("select reminder_sent_at is not null from appointment where id = ?", Boolean.class, cys)).isTrue();
        assertThat(mailsTo("cy@mail.test", "upcoming appointment")).isEmpty();
    }

    // ---- set-up -------------------------------------------------------------------------------------------------------------

    @Test
    void theSetUpRefusesOverlappingHoursAndBadLengthsWithReasonsAndKeepsWhatWasTyped() {
        PortalClient desk = signedIn("desk.one");
        String page = "/staff/scheduling/providers/" + drOne;
        HttpResponse<String> overlap = desk.submit(page, page + "/hours", form("day", "MONDAY", "location", clinic, "starts", "09:00", "ends", "10:00"));
        assertThat(overlap.statusCode()).isEqualTo(400);
        assertThat(overlap.body()).contains("overlap", "value=\"09:00\"");
        HttpResponse<String> length = desk.submit("/staff/scheduling", "/staff/scheduling/types", form("name", "Odd visit", "minutes", "20", "booking",
                "DIRECT", "horizonDays", "30", "cancelCutoffHours", "24"));
        assertThat(length.statusCode()).isEqualTo(400);
        assertThat(length.body()).contains("steps of 15", "Odd visit");
        HttpResponse<String> added = desk.submit("/staff/scheduling", "/staff/scheduling/types", form("name", "Quick check", "minutes", "15", "booking",
                "REQUEST", "horizonDays", "30", "cancelCutoffHours", "2"));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(desk.get("/staff/scheduling").body()).contains("Quick check");

        bookings.book(person("desk.one"), ada, followUp, drOne, at(day(60), 10, 0), null);
        HttpResponse<String> timeOff = desk.submit(page, page + "/time-off", form("firstDay", day(60), "reason", "Conference"));
        assertThat(timeOff.statusCode()).isEqualTo(302);
        assertThat(desk.get(page).body()).contains("One booked appointment falls in this time off", "Conference");
        assertThat(desk.get("/my/appointments").statusCode()).isEqualTo(403);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------------------

    UUID patient(String name, String given, String family, String npi, boolean agrees) {
        UUID id = testRecords.importPatient(name, given, family, npi, npi);
        String username = name + ".patient";
        people.create(username, given + " " + family, PASSWORD, Role.PATIENT);
        accounts.linkPatient(username, id);
        people.giveConfirmedEmail(username, name + "@mail.test");
        if (agrees) {
            consent.record(accounts.idOf(username).orElseThrow(), true, EmailConsent.TEXT_VERSION,
                    Actor.of(new TestingAuthenticationToken(username, "")));
        }
        return id;
    }

    void staff(String username, String name, UUID practitioner, Role role) {
        people.create(username, name, PASSWORD, role);
        people.giveConfirmedEmail(username, username + "@practice.test");
        if (practitioner != null) {
            accounts.linkPractitioner(username, practitioner);
        }
    }

    Caller person(String username) {
        String[] authorities = accounts.rolesOf(accounts.idOf(username).orElseThrow()).stream().map(Role::authority).toArray(String[]::new);
        return access.person(new TestingAuthenticationToken(username, "", authorities));
    }

    PortalClient signedIn(String username) {
        PortalClient client = new PortalClient(port);
        client.signIn(username, PASSWORD);
        return client;
    }

    static Instant clockNow() {
        return TestClock.INSTANCE.instant();
    }

    static LocalDate day(int fromToday) {
        return LocalDate.now(TestClock.INSTANCE.withZone(ZONE)).plusDays(fromToday);
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ZONE).toInstant();
    }

    /** The first time on the 15-minute grid at or after this one where a 30-minute visit fits the hours (00:00-23:45). */
    static Instant gridAfter(Instant time) {
        Instant truncated = time.truncatedTo(ChronoUnit.HOURS);
        while (truncated.isBefore(time) || truncated.atZone(ZONE).toLocalTime().isAfter(LocalTime.of(23, 15))) {
            truncated = truncated.plus(Duration.ofMinutes(15));
        }
        return truncated;
    }

    /** The first grid time from this one at which the provider has 30 free minutes. */
    Instant freeAfter(UUID practitioner, Instant time) {
        Instant candidate = gridAfter(time);
        while (jdbc.queryForObject("select count(*) from slot_claim where practitioner_id = ? and unit_start >= ? and unit_start < ?", Long.class,
                practitioner, java.sql.Timestamp.from(candidate), java.sql.Timestamp.from(candidate.plus(Duration.ofMinutes(30)))) > 0) {
            candidate = gridAfter(candidate.plus(Duration.ofMinutes(15)));
        }
        return candidate;
    }

    String status(UUID appointment) {
        return jdbc.queryForObject("select status from appointment where id = ?", String.class, appointment);
    }

    long denied() {
        audit.awaitChained();
        return jdbc.queryForObject("select count(*) from audit_entry where outcome = 'DENIED' and object_type = 'appointment'", Long.class);
    }

    static String form(Object... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(String.valueOf(pairs[i + 1]), StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    static String path(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location").orElseThrow().replaceFirst("https://[^/]+", "").replaceFirst(";.*", "");
    }

    /** Notices to the address whose subject contains the words, once the outbox has nothing left to send. */
    List<MimeMessage> mailsTo(String address, String subjectWords) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (jdbc.queryForObject("select count(*) from notice where status = 'PENDING'", Long.class) > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return TestMail.messagesTo(address, 0).stream().filter(mail -> {
            try {
                return mail.getSubject().contains(subjectWords);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Starts every attempt, opens the gate so they run at once, and counts those that got through. */
    private static long winners(List<Callable<Boolean>> attempts, CountDownLatch gate) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        try {
            List<Future<Boolean>> results = attempts.stream().map(pool::submit).toList();
            gate.countDown();
            long winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }
}
