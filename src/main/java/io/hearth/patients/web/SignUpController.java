package io.hearth.patients.web;

import io.hearth.identity.Accounts;
import io.hearth.patients.ActivationRefusedException;
import io.hearth.patients.PatientActivation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A patient opens their account with the practice's activation code, then confirms their email address. */
@Controller
class SignUpController {

    private final PatientActivation activation;
    private final Accounts accounts;

    SignUpController(PatientActivation activation, Accounts accounts) {
        this.activation = activation;
        this.accounts = accounts;
    }

    /** The form as typed; the passwords are never sent back to the page. */
    record SignUpForm(String code, String birthDate, String username, String email, String password, String confirmPassword) {

        SignUpForm {
            code = code == null ? "" : code.strip();
            birthDate = birthDate == null ? "" : birthDate.strip();
            username = username == null ? "" : username.strip();
            email = email == null ? "" : email.strip();
            password = password == null ? "" : password;
            confirmPassword = confirmPassword == null ? "" : confirmPassword;
        }

        @Override
        public String toString() {
            return "SignUpForm[hidden]";
        }
    }

    @GetMapping("/signup")
    String form(Model model) {
        model.addAttribute("form", new SignUpForm("", "", "", "", "", ""));
        return "patients/signup";
    }

    @PostMapping("/signup")
    String signUp(@ModelAttribute SignUpForm form, HttpServletRequest request, Model model) {
        model.addAttribute("form", form);
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(form.birthDate());
        } catch (DateTimeParseException e) {
            model.addAttribute("error", "Enter your date of birth.");
            return "patients/signup";
        }
        if (!form.password().equals(form.confirmPassword())) {
            model.addAttribute("error", "The two passwords differ.");
            return "patients/signup";
        }
        try {
            activation.signUp(new PatientActivation.SignUp(form.code(), birthDate, form.username(), form.email(),
                    form.password().toCharArray()), request.getRemoteAddr());
        } catch (ActivationRefusedException refused) {
            model.addAttribute("error", refused);
            return "patients/signup";
        }
        return "redirect:/signin?registered";
    }

    @GetMapping("/signup/confirm")
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("confirmed", accounts.confirmEmail(token));
        return "patients/email-confirmed";
    }
}
