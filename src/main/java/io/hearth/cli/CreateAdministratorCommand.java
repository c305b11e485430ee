package io.hearth.cli;

import io.hearth.audit.AuditAction;
import io.hearth.identity.AccountRejectedException;
import io.hearth.identity.Accounts;
import io.hearth.identity.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Makes the first administrator of a new installation. The password is prompted without echo or read from a file,
 * never taken from the command line, where it would stay in the shell history and the process list.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Creates an administrator account. Prompts for the password unless --password-file is given.")
class CreateAdministratorCommand extends OfflineCommand {

    private char[] password;

    @Option(names = "--username", required = true, description = "The administrator's username.")
    String username;

    @Option(names = "--name", required = true, description = "The administrator's full name, as shown to colleagues.")
    String displayName;

    @Option(names = "--password-file", description = "A file whose first line is the password (delete it afterwards).")
    Path passwordFile;

    @Option(names = "--security-officer", description = "Also give the security officer role.")
    boolean securityOfficer;

    CreateAdministratorCommand(Class<?> application) {
        super(application);
    }

    @Override
    int beforeStart() throws IOException {
        password = readPassword();
        if (password == null) {
            spec.commandLine().getErr().println("No password given: run in a terminal to be prompted, or use --password-file.");
            return 2;
        }
        return 0;
    }

    @Override
    int run(ConfigurableApplicationContext context, PrintWriter out) {
        EnumSet<Role> roles = securityOfficer ? EnumSet.of(Role.ADMIN, Role.SECURITY_OFFICER) : EnumSet.of(Role.ADMIN);
        try {
            context.getBean(Accounts.class).create(username, displayName, password, roles);
            audit(context, AuditAction.ADMIN_ACTION, "administrator created from the command line: " + username);
            out.println("Created administrator " + username + ".");
            out.flush();
            return 0;
        } catch (AccountRejectedException rejected) {
            spec.commandLine().getErr().println("Not created: " + context.getMessage(rejected, java.util.Locale.ENGLISH));
            spec.commandLine().getErr().flush();
            return 1;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] readPassword() throws IOException {
        if (passwordFile != null) {
            String firstLine = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            return firstLine.toCharArray();
        }
        var console = System.console();
        if (console == null) {
            return null;
        }
        char[] first = console.readPassword("Password for %s: ", username);
        char[] second = console.readPassword("Repeat the password: ");
        if (first == null || !Arrays.equals(first, second)) {
            spec.commandLine().getErr().println("The two passwords differ.");
            return null;
        }
        return first;
    }
}
