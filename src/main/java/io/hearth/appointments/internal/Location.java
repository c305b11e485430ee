package io.hearth.appointments.internal;

import java.util.UUID;

/** Where appointments happen (public information about the practice). */
public record Location(UUID id, String name, String address, boolean active) {
}
