package io.hearth.appointments.internal;

import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The practice's providers who can be booked: staff accounts holding PROVIDER and linked to a practitioner. */
@Component
class Providers {

    private final Accounts accounts;

    Providers(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Practitioner id to the provider's name, by name. */
    Map<UUID, String> names() {
        Map<UUID, String> names = new LinkedHashMap<>();
        accounts.staff().stream().filter(s -> s.practitionerId() != null && s.roles().contains(Role.PROVIDER))
                .sorted(Comparator.comparing(Accounts.StaffMember::displayName).thenComparing(Accounts.StaffMember::username))
                .forEach(s -> names.putIfAbsent(s.practitionerId(), s.displayName()));
        return names;
    }

    String nameOf(UUID practitioner) {
        return names().getOrDefault(practitioner, "—");
    }
}
