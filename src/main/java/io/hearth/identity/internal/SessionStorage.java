package io.hearth.identity.internal;

import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.FieldContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in the database (Spring Session JDBC), so they survive a restart and every node sees them. Their
 * attributes (the security context, a pending authenticator secret, the device a session signed in from) are
 * serialised and then encrypted with the field cipher: the database holds no readable session state, and a row
 * forged by someone who can write to it does not decrypt, so it is never deserialised.
 */
@Configuration(proxyBeanMethods = false)
class SessionStorage {

    /**
     * Spring Session converts a value without telling which session or attribute it belongs to, so the context
     * binds it to the table only; its integrity protection is what keeps forged bytes from Java deserialisation.
     */
    private static final FieldContext ATTRIBUTES = new FieldContext("spring_session_attributes", "attribute_bytes", "session");

    /**
     * Spring Session writes the session row on every request, only to move its last-access time: one committed (and
     * so flushed) write per page view. On PostgreSQL the row is rewritten only when something else changed or the
     * last write is 30 seconds old; a skipped write commits nothing, so nothing is flushed. The idle timeout may then
     * end a session up to 30 seconds early. (H2, for development, keeps Spring's plain statement.) The parameters
     * are Spring's, in its order: session id, last access, max inactive interval, expiry, principal, primary id.
     */
    static final String UPDATE_ONLY_WHEN_IT_MATTERS = """
            UPDATE %TABLE_NAME% AS s SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time, PRINCIPAL_NAME = v.principal_name
            FROM (VALUES (CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT), CAST(? AS VARCHAR(100)),
                CAST(? AS CHAR(36)))) AS v (session_id, last_access_time, max_inactive_interval, expiry_time, principal_name, primary_id)
            WHERE s.PRIMARY_ID = v.primary_id AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name OR v.last_access_time - s.LAST_ACCESS_TIME >= 30000)""";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> fewerSessionWrites(
            @org.springframework.beans.factory.annotation.Value("${spring.datasource.url}") String url) {
        return repository -> {
            if (url.startsWith("jdbc:postgresql:")) {
                repository.setUpdateSessionQuery(UPDATE_ONLY_WHEN_IT_MATTERS);
            }
        };
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> keepExpiredForTheSweep() {
        return repository -> repository.setDeleteSessionQuery(IdleSessionSweep.DELETE_UNLESS_EXPIRED);
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> encryptedSessionAttributes(FieldCipher cipher) {
        SerializingConverter serializer = new SerializingConverter();
        DeserializingConverter deserializer = new DeserializingConverter(SessionStorage.class.getClassLoader());
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, value -> cipher.encryptBytes(serializer.convert(value), ATTRIBUTES));
        conversions.addConverter(byte[].class, Object.class, bytes -> deserializer.convert(cipher.decryptBytes(bytes, ATTRIBUTES)));
        return repository -> repository.setConversionService(conversions);
    }
}
