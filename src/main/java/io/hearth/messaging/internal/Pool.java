package io.hearth.messaging.internal;

import io.hearth.identity.Role;
import java.util.EnumSet;
import java.util.Set;

/** Where a patient's thread goes at the practice. */
public enum Pool {
    /** One provider of the patient's care team (the thread names which). */
    CARE_TEAM,
    PRESCRIPTIONS,
    BILLING,
    FRONT_DESK;

    /** Pools read by clinical staff of the patient's care team. */
    static final Set<Pool> CLINICAL = EnumSet.of(CARE_TEAM, PRESCRIPTIONS);
    /** The roles of clinical staff. */
    static final Set<Role> CLINICAL_ROLES = EnumSet.of(Role.PROVIDER, Role.NURSE);

    /** The pools a role reads whatever the care team: Billing for BILLING, Front desk for FRONT_DESK. */
    static Set<Pool> byRole(Set<Role> roles) {
        Set<Pool> pools = EnumSet.noneOf(Pool.class);
        if (roles.contains(Role.BILLING)) {
            pools.add(BILLING);
        }
        if (roles.contains(Role.FRONT_DESK)) {
            pools.add(FRONT_DESK);
        }
        return pools;
    }
}
