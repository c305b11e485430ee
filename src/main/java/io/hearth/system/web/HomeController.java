package io.hearth.system.web;

import io.hearth.system.HomePageContent;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final List<HomePageContent> contents;

    HomeController(List<HomePageContent> contents) {
        this.contents = contents;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        model.addAttribute("username", authentication.getName());
        contents.forEach(content -> content.addTo(authentication, model));
        return "system/home";
    }
}
