package io.hearth.records.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The directory's practitioners (public information), for linking a staff account to the one it is. */
@Component
public class PractitionerDirectory {

    /** A practitioner as the directory knows them; {@code identifier} is {@code system|value} (an NPI). */
    public record Practitioner(UUID id, String identifier, String name, String address) {
    }

    private final JdbcTemplate jdbc;

    PractitionerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Practitioners whose name or identifier contains the text (any case), by name; at most 50. */
    public List<Practitioner> search(String typed) {
        String wanted = "%" + (typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return jdbc.query("""
                select id, identifier, name, address from directory_entry where kind = 'PRACTITIONER'
                and (lower(name) like ? escape '\\' or lower(identifier) like ? escape '\\') order by name, identifier limit 50""",
                (row, n) -> new Practitioner(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4)), wanted, wanted);
    }

    public Optional<Practitioner> find(UUID id) {
        return jdbc.query("select id, identifier, name, address from directory_entry where kind = 'PRACTITIONER' and id = ?",
                (row, n) -> new Practitioner(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4)), id).stream().findFirst();
    }
}
