package io.hearth.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * A module's own URL rules: which roles may call its paths (beyond being signed in with both factors), or that a path
 * is open to anybody. Each feature module registers one bean; identity's filter chain applies them after its own
 * rules and the role areas ({@code /my/**} patients, {@code /admin/**} administrators, {@code /audit/**} and
 * {@code /security/**} security officers), so the security configuration names no feature. Which patient's data a
 * caller may see on those pages is decided by the access policy, not here. {@code EndpointAccessIT} checks every
 * endpoint against the table it expects.
 */
public interface PageRules {

    List<Rule> rules();

    /**
     * Paths (Spring's path patterns) with the roles that may call them; no roles means open to anybody, signed in
     * or not.
     *
     * @param method the HTTP method the rule is for; null for all
     */
    record Rule(HttpMethod method, List<String> paths, Set<Role> roles) {

        public Rule {
            paths = List.copyOf(paths);
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }

        public static Rule roles(Set<Role> roles, String... paths) {
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("a rule for roles names at least one; use open() for public paths");
            }
            return new Rule(null, List.of(paths), roles);
        }

        public static Rule open(String... paths) {
            return new Rule(null, List.of(paths), Set.of());
        }

        public boolean isOpen() {
            return roles.isEmpty();
        }
    }
}
