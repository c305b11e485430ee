package io.hearth.audit;

/**
 * Who acted: a signed-in person (their username and roles as held at that moment) or a part of the system.
 *
 * @param id the username, or {@code system:<component>}
 * @param roles comma-separated roles, empty for the system and for anonymous callers
 */
public record Actor(String id, String roles) {

    public static final Actor ANONYMOUS = new Actor("anonymous", "");

    public static Actor system(String component) {
        return new Actor("system:" + component, "");
    }

    public boolean isSystem() {
        return id.startsWith("system:");
    }
}
