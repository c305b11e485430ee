package io.hearth.identity;

import io.hearth.audit.Actor;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is asking, resolved once per request ({@link Callers}): the signed-in account, its roles, the patient record it
 * belongs to (patients) and the practitioner it is linked to (clinical staff). Modules pass it to the patient-access
 * policy ({@code io.hearth.records.PatientAccess}) instead of deciding from roles themselves, so a new kind of caller
 * changes the policy and this type, not every module.
 *
 * <p>{@link Kind} says how the caller acts. Today every caller is a {@link Kind#PERSON} acting as themselves; the
 * callers that come next are new kinds: someone acting for another patient (a proxy, with the grant's patient and
 * scopes) and a third-party app acting with a token (its client and scopes). They will carry what they need in new
 * components of this record, and the policy's switch over the kind is where their rules go.
 *
 * @param accountId the account's id; null only for {@link #nobody()}
 * @param displayName how the account's name is shown; PHI for patients, so {@link #toString} leaves it out
 * @param patientId the patient record the account belongs to; null for staff and unlinked accounts
 * @param practitionerId the practitioner in the directory a staff account is linked to; null otherwise
 */
public record Caller(Kind kind, UUID accountId, String username, String displayName, Set<Role> roles, UUID patientId, UUID practitionerId) {

    /** How the caller acts. */
    public enum Kind {
        /** A person signed in with their own account, acting as themselves. */
        PERSON,
        /** Nobody is signed in. */
        ANONYMOUS,
        /** A part of Hearth acting on its own (start-up set-up, scheduled jobs); it reads no patient's data. */
        SYSTEM
    }

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller nobody() {
        return new Caller(Kind.ANONYMOUS, null, null, null, Set.of(), null, null);
    }

    /** A part of Hearth acting on its own, audited as {@code system:<component>}. */
    public static Caller system(String component) {
        return new Caller(Kind.SYSTEM, null, "system:" + component, null, Set.of(), null, null);
    }

    /** A person acting as themselves; for tests and for modules that build a caller from what they stored. */
    public static Caller person(UUID accountId, String username, String displayName, Set<Role> roles, UUID patientId, UUID practitionerId) {
        return new Caller(Kind.PERSON, accountId, username, displayName, roles, patientId, practitionerId);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    /** A patient with their record linked: the one who may act on that record as its owner. */
    public boolean isPatient() {
        return holds(Role.PATIENT) && patientId != null;
    }

    /** A provider or nurse: the roles that read clinical records. */
    public boolean isClinician() {
        return holds(Role.PROVIDER) || holds(Role.NURSE);
    }

    /** Whether somebody is signed in (the layout shows the menu then). */
    public boolean signedIn() {
        return kind == Kind.PERSON;
    }

    /** For templates: whether the caller holds the role of this name ({@code PATIENT}, {@code ADMIN}...). */
    public boolean hasRole(String role) {
        return roles.stream().anyMatch(held -> held.name().equals(role));
    }

    /** For templates: whether the caller holds any of these roles. */
    public boolean hasAnyRole(String... any) {
        for (String role : any) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** Who acted, for the audit trail: the username and the roles held now. */
    public Actor actor() {
        if (kind == Kind.ANONYMOUS) {
            return Actor.ANONYMOUS;
        }
        if (kind == Kind.SYSTEM) {
            return new Actor(username, "");
        }
        return new Actor(username, roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")));
    }

    @Override
    public String toString() {
        return "Caller[" + kind + ", " + username + ", " + roles + "]";
    }
}
