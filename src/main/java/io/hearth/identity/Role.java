package io.hearth.identity;

/** What a person does at the practice; a staff member may hold several roles. */
public enum Role {
    PATIENT, PROVIDER, NURSE, FRONT_DESK, BILLING, ADMIN, SECURITY_OFFICER;

    public String authority() {
        return "ROLE_" + name();
    }
}
