package io.hearth.messaging.internal;

import io.hearth.audit.AuditAction;
import io.hearth.audit.AuditEvent;
import io.hearth.audit.AuditLog;
import io.hearth.audit.AuditOutcome;
import io.hearth.crypto.FieldCipher;
import io.hearth.identity.Accounts;
import io.hearth.identity.Caller;
import io.hearth.identity.Role;
import io.hearth.messaging.Messaging;
import io.hearth.messaging.internal.Views.AttachmentView;
import io.hearth.messaging.internal.Views.Colleague;
import io.hearth.messaging.internal.Views.Download;
import io.hearth.messaging.internal.Views.InboxFilter;
import io.hearth.messaging.internal.Views.MessageView;
import io.hearth.messaging.internal.Views.PoolChoice;
import io.hearth.messaging.internal.Views.Sent;
import io.hearth.messaging.internal.Views.ThreadDetail;
import io.hearth.messaging.internal.Views.ThreadSummary;
import io.hearth.records.CareTeams;
import io.hearth.records.PatientIdentities;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threads, messages and attachments for the pages: every read goes through {@link MessageAccess} and is audited with
 * the patient as subject; every change is audited in its own transaction and queues its email notices there.
 */
@Service
public class MessagingService implements Messaging {

    static final int INBOX_SIZE = 200;
    private static final String CARE_TEAM_PREFIX = "CARE_TEAM:";

    private final ThreadRepository threads;
    private final MessageRepository messages;
    private final AttachmentRepository attachments;
    private final AttachmentQuota quota;
    private final MessageAccess access;
    private final Accounts accounts;
    private final CareTeams careTeams;
    private final PatientIdentities patients;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final MessageNotices notices;
    private final NamedParameterJdbcTemplate jdbc;
    private final MessagingProperties settings;
    private final Clock clock;

    MessagingService(ThreadRepository threads, MessageRepository messages, AttachmentRepository attachments, AttachmentQuota quota,
            MessageAccess access, Accounts accounts, CareTeams careTeams, PatientIdentities patients, FieldCipher cipher, AuditLog audit,
            MessageNotices notices, NamedParameterJdbcTemplate jdbc, MessagingProperties settings, Clock clock) {
        this.threads = threads;
        this.messages = messages;
        this.attachments = attachments;
        this.quota = quota;
        this.access = access;
        this.accounts = accounts;
        this.careTeams = careTeams;
        this.patients = patients;
        this.cipher = cipher;
        this.audit = audit;
        this.notices = notices;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    @Override
    public int unreadCount(String username, Set<Role> roles) {
        Caller viewer = access.viewer(username, roles);
        if (!viewer.isPatient() && !(viewer.isClinician() && viewer.practitionerId() != null) && Pool.byRole(roles).isEmpty()) {
            return 0;
        }
        return unreadByThread(viewer).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The patient's own threads, newest first; audited as one view of their messages. */
    @Transactional(readOnly = true)
    public List<ThreadSummary> patientThreads(Caller patient) {
        if (!patient.isPatient()) {
            return List.of();
        }
        List<ThreadSummary> list = summaries(patient, threads.findByPatientIdOrderByLastMessageAtDesc(patient.patientId()));
        audit.record(viewed(patient.patientId(), "message-threads", patient.patientId()));
        return list;
    }

    /** The staff inbox with its filters, newest first; audited once for each patient whose threads it shows. */
    @Transactional(readOnly = true)
    public List<ThreadSummary> inbox(Caller staff, InboxFilter filter) {
        MessageAccess.Condition visible = access.visibleTo(staff);
        Map<String, Object> parameters = new HashMap<>(visible.parameters());
        StringBuilder sql = new StringBuilder("select t.id from message_thread t where ").append(visible.sql());
        if (filter.pool() != null) {
            sql.append(" and t.pool = :pool");
            parameters.put("pool", filter.pool().name());
        }
        if (filter.status() != null) {
            sql.append(" and t.status = :status");
            parameters.put("status", filter.status().name());
        }
        if ("none".equals(filter.assignee())) {
            sql.append(" and t.assignee is null");
        } else if (filter.assignee() != null) {
            sql.append(" and t.assignee = :assignee");
            parameters.put("assignee", filter.assignee());
        }
        if (filter.patient() != null) {
            sql.append(" and t.patient_id = :patient");
            parameters.put("patient", filter.patient());
        }
        sql.append(" order by t.last_message_at desc limit ").append(INBOX_SIZE);
        List<UUID> ids = jdbc.queryForList(sql.toString(), parameters, UUID.class);
        Map<UUID, MessageThread> found = new HashMap<>();
        threads.findAllById(ids).forEach(thread -> found.put(thread.id(), thread));
        List<ThreadSummary> list = summaries(staff, ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList());
        list.stream().map(ThreadSummary::patientId).distinct().forEach(patient -> audit.record(viewed(patient, "message-inbox", null)));
        return list;
    }

    /**
     * The patients whose threads the staff member may read, with their names, for the inbox's filter; the filter shows
     * them whatever the inbox lists, so each patient the {@code listed} threads do not name (and audit) is audited here.
     */
    @Transactional(readOnly = true)
    public Map<UUID, String> patientsInView(Caller staff, List<ThreadSummary> listed) {
        MessageAccess.Condition visible = access.visibleTo(staff);
        List<UUID> ids = jdbc.queryForList("select distinct t.patient_id from message_thread t where " + visible.sql(),
                visible.parameters(), UUID.class);
        Map<UUID, String> names = new java.util.TreeMap<>();
        ids.forEach(id -> names.put(id, patientName(id)));
        Set<UUID> audited = listed.stream().map(ThreadSummary::patientId).collect(java.util.stream.Collectors.toSet());
        ids.stream().filter(id -> !audited.contains(id)).forEach(patient -> audit.record(viewed(patient, "message-inbox", null)));
        return names;
    }

    /** One thread with its messages, marked read for the viewer; 404 (audited) when it is not theirs to read. */
    @Transactional
    public ThreadDetail open(Caller viewer, UUID threadId) {
        MessageThread thread = readable(viewer, threadId, AuditAction.PHI_VIEW);
        List<Message> all = messages.findByThreadIdOrderBySentAtAsc(thread.id());
        Map<UUID, List<AttachmentView>> files = new HashMap<>();
        if (!all.isEmpty()) {
            for (Attachment attachment : attachments.findByMessageIdIn(all.stream().map(Message::id).toList())) {
                files.computeIfAbsent(attachment.messageId(), id -> new ArrayList<>()).add(new AttachmentView(attachment.id(),
                        attachment.name(cipher), attachment.contentType(), attachment.size()));
            }
        }
        Names names = new Names(thread.patientId(), viewer);
        List<MessageView> views = all.stream().map(message -> new MessageView(message.id(), names.of(message), message.fromPatient(),
                message.author().equals(viewer.username()), message.body(cipher), message.sentAt(),
                files.getOrDefault(message.id(), List.of()))).toList();
        List<Colleague> assignable = viewer.isPatient() ? List.of() : accounts.staff().stream()
                .filter(member -> access.canRead(member, thread)).map(member -> new Colleague(member.username(), member.displayName()))
                .toList();
        markRead(thread, viewer.username());
        ThreadSummary summary = summaries(viewer, List.of(thread)).get(0);
        audit.record(viewed(thread.patientId(), "message-thread", thread.id()));
        return new ThreadDetail(summary, views, assignable);
    }

    /** The attachment's name, type and file, if the viewer may read its thread; the download is audited. */
    @Transactional(readOnly = true)
    public Download download(Caller viewer, UUID attachmentId) {
        Optional<Attachment> attachment = attachments.findById(attachmentId);
        Optional<MessageThread> thread = attachment.flatMap(found -> messages.findById(found.messageId()))
                .flatMap(message -> threads.findById(message.threadId()));
        if (thread.isEmpty() || !access.canRead(viewer, thread.get())) {
            audit.record(AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.DENIED).patient(thread.map(MessageThread::patientId).orElse(null))
                    .object("message-attachment", attachmentId).because("not a thread the signed-in person may read"));
            throw new MessageNotFoundException();
        }
        Attachment found = attachment.get();
        audit.record(viewed(found.patientId(), "message-attachment", found.id()));
        return new Download(found.name(cipher), found.contentType(), found.size(), found.fileId());
    }

    /** The recipient pools the patient may write to: each provider of their care team, then the practice's desks. */
    public List<PoolChoice> poolsFor(Caller patient) {
        List<PoolChoice> choices = new ArrayList<>();
        if (patient.isPatient()) {
            careTeams.careTeamOf(patient.patientId()).forEach(member -> choices.add(new PoolChoice(CARE_TEAM_PREFIX + member.practitionerId(),
                    member.name())));
        }
        for (Pool pool : List.of(Pool.PRESCRIPTIONS, Pool.BILLING, Pool.FRONT_DESK)) {
            choices.add(new PoolChoice(pool.name(), null));
        }
        return choices;
    }

    /**
     * How many attachment bytes the patient of this thread (or this patient) may still store; read before an upload,
     * so the message is checked again when it is stored.
     */
    public long quotaLeft(UUID patientId) {
        return quota.left(patientId);
    }

    /**
     * The patient whose quota a reply to this thread counts against, checked before the reply's body is read; 404
     * (audited) when the viewer may not write there.
     */
    @Transactional(readOnly = true)
    public UUID patientOfThread(Caller viewer, UUID threadId) {
        return readable(viewer, threadId, AuditAction.PHI_CHANGE).patientId();
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    /** A patient starts a thread; the same form sent again makes nothing new. */
    @Transactional
    public Sent start(Caller patient, String poolChoice, String subject, String body, List<Upload> uploads, String formToken) {
        if (!patient.isPatient()) {
            throw new MessageRejectedException("messages.error.notPatient");
        }
        Optional<Message> earlier = earlier(patient, formToken);
        if (earlier.isPresent()) {
            return new Sent(earlier.get().threadId(), true);
        }
        String cleanSubject = text(subject, settings.maxSubjectLength(), "messages.error.subject");
        String cleanBody = text(body, settings.maxBodyLength(), "messages.error.body");
        Pool pool;
        UUID practitioner = null;
        if (poolChoice != null && poolChoice.startsWith(CARE_TEAM_PREFIX)) {
            pool = Pool.CARE_TEAM;
            try {
                practitioner = UUID.fromString(poolChoice.substring(CARE_TEAM_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new MessageRejectedException("messages.error.pool");
            }
            if (!access.inCareTeam(practitioner, patient.patientId())) {
                throw new MessageRejectedException("messages.error.pool");
            }
        } else {
            pool = Optional.ofNullable(poolChoice).filter(choice -> Set.of("PRESCRIPTIONS", "BILLING", "FRONT_DESK").contains(choice))
                    .map(Pool::valueOf).orElseThrow(() -> new MessageRejectedException("messages.error.pool"));
        }
        UUID provider = practitioner;
        String assignee = provider == null ? null : onlyOne(accounts.staff().stream()
                .filter(member -> provider.equals(member.practitionerId()) && member.roles().contains(Role.PROVIDER)).toList());
        MessageThread thread = threads.save(new MessageThread(patient.patientId(), pool, practitioner, cleanSubject, assignee, clock.instant(), cipher));
        audit.recordAfterCommit(changed(thread, "message-thread", thread.id(), "started"));
        post(patient, thread, cleanBody, uploads, formToken);
        return new Sent(thread.id(), false);
    }

    /** A reply by the patient or staff; the same form sent again makes nothing new. */
    @Transactional
    public Sent reply(Caller viewer, UUID threadId, String body, List<Upload> uploads, String formToken) {
        threads.lockById(threadId); // a reply moves the thread (last message, read marks); simultaneous ones take turns
        MessageThread thread = readable(viewer, threadId, AuditAction.PHI_CHANGE);
        Optional<Message> earlier = earlier(viewer, formToken);
        if (earlier.isPresent()) {
            return new Sent(earlier.get().threadId(), true);
        }
        post(viewer, thread, text(body, settings.maxBodyLength(), "messages.error.body"), uploads, formToken);
        return new Sent(thread.id(), false);
    }

    /** Staff give the thread to a colleague who may read it, or to nobody ({@code null}). */
    @Transactional
    public void assign(Caller staff, UUID threadId, String assignee) {
        MessageThread thread = staffThread(staff, threadId);
        if (assignee != null && accounts.staff().stream().noneMatch(member -> member.username().equals(assignee) && access.canRead(member, thread))) {
            throw new MessageRejectedException("messages.error.assignee");
        }
        thread.assign(assignee);
        audit.recordAfterCommit(changed(thread, "message-thread", thread.id(), assignee == null ? "unassigned" : "assigned"));
    }

    @Transactional
    public void close(Caller staff, UUID threadId) {
        MessageThread thread = staffThread(staff, threadId);
        thread.close();
        audit.recordAfterCommit(changed(thread, "message-thread", thread.id(), "closed"));
    }

    @Transactional
    public void reopen(Caller staff, UUID threadId) {
        MessageThread thread = staffThread(staff, threadId);
        thread.reopen();
        audit.recordAfterCommit(changed(thread, "message-thread", thread.id(), "reopened"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void post(Caller author, MessageThread thread, String body, List<Upload> uploads, String formToken) {
        if (uploads.size() > settings.maxAttachments()) {
            throw new MessageRejectedException("messages.error.tooMany");
        }
        if (formToken == null || !formToken.matches("[A-Za-z0-9-]{16,64}")) {
            throw new MessageRejectedException("messages.error.form");
        }
        // before the message is written: simultaneous messages for one patient take turns here (AttachmentQuota)
        if (!quota.reserve(thread.patientId(), uploads.stream().mapToLong(upload -> upload.file().size()).sum())) {
            throw new MessageRejectedException("messages.attachment.quota", 413);
        }
        Message message = messages.save(new Message(thread, author.username(), author.isPatient(), body, formToken, clock.instant(), cipher));
        for (Upload upload : uploads) {
            attachments.save(new Attachment(message, thread.patientId(), upload, cipher));
        }
        audit.recordAfterCommit(changed(thread, "message", message.id(), uploads.isEmpty() ? "sent" : "sent with " + uploads.size() + " attachment(s)"));
        markRead(thread, author.username());
        if (author.isPatient()) {
            notices.toStaff(thread, author.username());
        } else {
            notices.toPatient(thread);
        }
    }

    private Optional<Message> earlier(Caller author, String formToken) {
        return formToken == null ? Optional.empty() : messages.findByAuthorAndFormToken(author.username(), formToken);
    }

    /** The thread, if the viewer may read it; otherwise 404, with the attempt audited (the owner as subject). */
    private MessageThread readable(Caller viewer, UUID threadId, AuditAction action) {
        Optional<MessageThread> thread = threads.findById(threadId);
        if (thread.isEmpty() || !access.canRead(viewer, thread.get())) {
            audit.record(AuditEvent.of(action, AuditOutcome.DENIED).patient(thread.map(MessageThread::patientId).orElse(null))
                    .object("message-thread", threadId).because("not a thread the signed-in person may read"));
            throw new MessageNotFoundException();
        }
        return thread.get();
    }

    private MessageThread staffThread(Caller staff, UUID threadId) {
        if (staff.isPatient() || staff.roles().contains(Role.PATIENT)) {
            throw new MessageNotFoundException();
        }
        return readable(staff, threadId, AuditAction.PHI_CHANGE);
    }

    /** Read up to the thread's last message: later messages stay unread, whenever they commit. */
    private void markRead(MessageThread thread, String reader) {
        threads.flush(); // the thread and its new message must be rows before the marker refers to them
        Map<String, Object> row = Map.of("thread", thread.id(), "reader", reader, "at", java.sql.Timestamp.from(thread.lastMessageAt()));
        jdbc.update("insert into message_read (thread_id, reader, read_up_to) values (:thread, :reader, :at) on conflict do nothing", row);
        jdbc.update("update message_read set read_up_to = :at where thread_id = :thread and reader = :reader and read_up_to < :at", row);
    }

    private Map<UUID, Integer> unreadByThread(Caller viewer) {
        MessageAccess.Condition visible = access.visibleTo(viewer);
        Map<String, Object> parameters = new HashMap<>(visible.parameters());
        parameters.put("me", viewer.username());
        Map<UUID, Integer> counts = new HashMap<>();
        jdbc.query("""
                select m.thread_id, count(*) as unread from message m
                join message_thread t on t.id = m.thread_id
                left join message_read r on r.thread_id = m.thread_id and r.reader = :me
                where %s and m.author <> :me and (r.read_up_to is null or m.sent_at > r.read_up_to)
                group by m.thread_id""".formatted(visible.sql()), parameters,
                row -> {
                    counts.put(row.getObject(1, UUID.class), row.getInt(2));
                });
        return counts;
    }

    private List<ThreadSummary> summaries(Caller viewer, List<MessageThread> list) {
        Map<UUID, Integer> unread = list.isEmpty() ? Map.of() : unreadByThread(viewer);
        Map<UUID, String> patientNames = new HashMap<>();
        Map<String, String> staffNames = new HashMap<>();
        Map<UUID, Map<UUID, String>> careTeamNames = new HashMap<>();
        return list.stream().map(thread -> new ThreadSummary(thread.id(), thread.subject(cipher), thread.pool(),
                poolLabel(thread, careTeamNames), thread.status(), thread.assignee(),
                thread.assignee() == null ? null : staffNames.computeIfAbsent(thread.assignee(), this::staffName),
                thread.patientId(), viewer.isPatient() ? null : patientNames.computeIfAbsent(thread.patientId(), this::patientName),
                thread.lastMessageAt(), unread.getOrDefault(thread.id(), 0))).toList();
    }

    private String poolLabel(MessageThread thread, Map<UUID, Map<UUID, String>> careTeamNames) {
        if (thread.pool() != Pool.CARE_TEAM) {
            return null;
        }
        return careTeamNames.computeIfAbsent(thread.patientId(), patient -> {
            Map<UUID, String> names = new HashMap<>();
            careTeams.careTeamOf(patient).forEach(member -> names.put(member.practitionerId(), member.name()));
            return names;
        }).get(thread.practitionerId());
    }

    private String patientName(UUID patientId) {
        return patients.of(patientId).map(PatientIdentities.PatientIdentity::name).orElse(null);
    }

    private String staffName(String username) {
        return accounts.displayNameOf(username).orElse(username);
    }

    private static String onlyOne(List<Accounts.StaffMember> members) {
        return members.size() == 1 ? members.get(0).username() : null;
    }

    /** Plain text as typed: line breaks kept (as \n), other control characters removed, not blank, not too long. */
    static String text(String value, int maxLength, String key) {
        if (value == null) {
            throw new MessageRejectedException(key);
        }
        String clean = value.replace("\r\n", "\n").replace('\r', '\n')
                .codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.isEmpty() || clean.codePointCount(0, clean.length()) > maxLength) {
            throw new MessageRejectedException(key);
        }
        return clean;
    }

    private static AuditEvent viewed(UUID patient, String objectType, Object objectId) {
        return AuditEvent.of(AuditAction.PHI_VIEW, AuditOutcome.SUCCESS).patient(patient).object(objectType, objectId);
    }

    private static AuditEvent changed(MessageThread thread, String objectType, Object objectId, String what) {
        return AuditEvent.of(AuditAction.PHI_CHANGE, AuditOutcome.SUCCESS).patient(thread.patientId()).object(objectType, objectId).because(what);
    }

    /** Author names as the viewer sees them: "You" for their own, the patient's name, staff display names. */
    private final class Names {
        private final UUID patient;
        private final Caller viewer;
        private final Map<String, String> cache = new HashMap<>();

        Names(UUID patient, Caller viewer) {
            this.patient = patient;
            this.viewer = viewer;
        }

        String of(Message message) {
            if (message.author().equals(viewer.username())) {
                return null;
            }
            Function<String, String> lookup = message.fromPatient() ? author -> patientName(patient) : MessagingService.this::staffName;
            return cache.computeIfAbsent(message.author(), lookup);
        }
    }
}
