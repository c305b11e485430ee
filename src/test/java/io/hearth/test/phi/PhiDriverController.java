package io.hearth.test.phi;

import io.hearth.audit.AuditTrail;
import io.hearth.audit.ChainVerification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Test-only HTTP face of {@link ScratchNotes}: a returned id is an acknowledged write. */
@RestController
@Profile("phi-driver")
@RequestMapping("/test/phi")
class PhiDriverController {

    private final ScratchNotes notes;
    private final AuditTrail trail;

    PhiDriverController(ScratchNotes notes, AuditTrail trail) {
        this.notes = notes;
        this.trail = trail;
    }

    @PostMapping(path = "/notes", produces = "text/plain")
    String write(@RequestParam UUID patient, @RequestParam(defaultValue = "false") boolean attachment, @RequestBody String body) {
        return notes.write(patient, body, attachment).toString();
    }

    @PutMapping(path = "/notes/{id}", produces = "text/plain")
    ResponseEntity<String> update(@PathVariable UUID id, @RequestBody String body) {
        return notes.update(id, body) ? ResponseEntity.ok(id.toString()) : ResponseEntity.notFound().build();
    }

    /** {@code audit=false} exists only so the benchmark can measure what the PHI_VIEW entry costs. */
    @GetMapping(path = "/notes/{id}", produces = "text/plain")
    ResponseEntity<String> read(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean audit) {
        String body = notes.read(id, audit);
        return body == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(body);
    }

    @GetMapping("/integrity")
    Map<String, Object> integrity() {
        long[] notesChecked = notes.checkAll();
        ChainVerification chain = trail.verify();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", notesChecked[0]);
        result.put("bodyFailures", notesChecked[1]);
        result.put("attachments", notesChecked[2]);
        result.put("attachmentFailures", notesChecked[3]);
        result.put("auditIntact", chain.intact());
        result.put("auditEntries", chain.entriesChecked());
        result.put("auditProblem", chain.problem());
        return result;
    }
}
