package io.hearth.records;

import java.util.Objects;

/**
 * A practitioner, organization or location of the practice directory: public information, stored in clear.
 *
 * @param identifier the business identifier as {@code system|value} (an NPI for practitioners); conditional
 *     references ({@code Practitioner?identifier=system|value}) resolve through it
 * @param name how people see it
 * @param address a one-line address or contact line, if any
 */
public record DirectoryEntry(String label, DirectoryKind kind, String identifier, String name, String address) {

    public DirectoryEntry {
        Objects.requireNonNull(label);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(identifier);
    }
}
