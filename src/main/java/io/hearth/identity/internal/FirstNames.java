package io.hearth.identity.internal;

/** How a notice greets someone: the first word of their name, skipping a title such as "Dr.". */
final class FirstNames {

    private FirstNames() {
    }

    static String of(String displayName) {
        String[] parts = displayName.strip().split("\\s+");
        return parts.length > 1 && parts[0].endsWith(".") ? parts[1] : parts[0];
    }
}
