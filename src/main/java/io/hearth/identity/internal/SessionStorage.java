package io.hearth.identity.internal;

import io.hearth.crypto.FieldCipher;
import io.hearth.crypto.FieldContext;
import org.springframework.context.annotation.Bean;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.session.web.http.SessionRepositoryFilter;

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
     * What the session filter uses: the JDBC repository, read once per request and written only when it matters. A
     * post-processor rather than a bean of its own, because Boot configures the JDBC repository only while there is
     * no other session repository.
     */
    @Bean
    static BeanPostProcessor oncePerRequestSessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository store ? new OncePerRequestSessions(store) : bean;
            }
        };
    }

    /**
     * Spring Session's own transactions on plain JDBC rather than JPA (the application's transaction manager): no
     * persistence context is opened to read a session, and when the connection breaks, the failed rollback keeps the
     * original failure beside its own, so the 503 page can tell a database outage.
     */
    @Bean
    static BeanPostProcessor jdbcSessionTransactions(ObjectProvider<DataSource> dataSource) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                    configuration.setTransactionOperations(new TransactionTemplate(new DataSourceTransactionManager(dataSource.getObject())));
                }
                return bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestSessions.RequestScope> sessionRequestScope() {
        FilterRegistrationBean<OncePerRequestSessions.RequestScope> registration = new FilterRegistrationBean<>(new OncePerRequestSessions.RequestScope());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
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
