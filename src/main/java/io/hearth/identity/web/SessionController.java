package io.hearth.identity.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class SessionController {

    /** "Stay signed in": any authenticated request restarts the idle timer; this one does nothing else. */
    @PostMapping("/session/keepalive")
    ResponseEntity<Void> keepAlive() {
        return ResponseEntity.noContent().build();
    }
}
