package db.migration.common;

import io.hearth.identity.Usernames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Look-alike usernames and email addresses (UTS #39 confusable skeletons, see {@link Usernames}): each account gets the
 * look-alike key of its username, unique, so two confusable names can never both be stored, also when two sign-ups
 * race. Accounts that already look alike stay: the oldest of each group keeps the key, the later ones get none (the
 * administrators' console marks them, see the README). In Java because the skeleton is ICU's, not SQL's.
 *
 * <p>The email column stays empty here: the addresses are encrypted under keys the migration has no access to, so
 * {@code io.hearth.identity.internal.EmailLookAlikeBackfill} fills it when the portal starts.
 */
public class V47__Look_alike_sign_in_names extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table account add column username_skeleton varchar(64)");
            statement.execute("alter table account add column email_skeleton_index varchar(64)");
        }
        Set<String> taken = new HashSet<>();
        try (Statement select = connection.createStatement();
                ResultSet accounts = select.executeQuery("select id, username_key from account order by created_at, id");
                PreparedStatement update = connection.prepareStatement("update account set username_skeleton = ? where id = ?")) {
            while (accounts.next()) {
                String lookAlikeKey = Usernames.lookAlikeKey(accounts.getString("username_key"));
                if (taken.add(lookAlikeKey)) {
                    update.setString(1, lookAlikeKey);
                    update.setObject(2, accounts.getObject("id"));
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("create unique index account_username_skeleton on account (username_skeleton)");
            statement.execute("create unique index account_email_skeleton_index on account (email_skeleton_index)");
        }
    }
}
