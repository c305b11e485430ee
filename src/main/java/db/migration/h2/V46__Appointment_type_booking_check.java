package db.migration.h2;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 only (the demo and the tests' fallback). H2 2.4 binds a check constraint written as a list ({@code in (...)}, or
 * {@code or}s it turns into one) to the session that created it: once Flyway's connection is closed while the database
 * stays open, every insert into the table fails with "Check constraint invalid". V40's check of
 * {@code appointment_type.booking} is such a list; it becomes a {@code case}, which H2 evaluates in the inserting
 * session. PostgreSQL keeps V40's constraint. In Java because the name H2 gave the constraint is known only at run time.
 */
public class V46__Appointment_type_booking_check extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> lists = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet found = statement.executeQuery("""
                        select c.constraint_name from information_schema.check_constraints c
                        join information_schema.table_constraints t on t.constraint_schema = c.constraint_schema and t.constraint_name = c.constraint_name
                        where lower(t.table_name) = 'appointment_type' and lower(c.check_clause) like '%booking%in%'""")) {
            while (found.next()) {
                lists.add(found.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : lists) {
                statement.execute("alter table appointment_type drop constraint \"" + name.replace("\"", "\"\"") + "\"");
            }
            statement.execute("alter table appointment_type add constraint appointment_type_booking"
                    + " check (case booking when 'DIRECT' then true when 'REQUEST' then true else false end)");
        }
    }
}
