package io.hearth.system;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;

/**
 * What a feature shows on the signed-in person's home page (news from the practice, a question still to answer). The
 * home page belongs to no feature: it asks every bean of this type, and its template shows what they added.
 */
public interface HomePageContent {

    void addTo(Authentication person, Model model);

    static boolean isPatient(Authentication person) {
        return person != null && person.getAuthorities().stream().anyMatch(authority -> "ROLE_PATIENT".equals(authority.getAuthority()));
    }
}
