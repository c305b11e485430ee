package io.hearth.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole portal on random ports (HTTPS, the redirecting HTTP port, the management port) against a fresh
 * PostgreSQL database of its own and the shared GreenMail SMTP server. Each test class gets its own context and
 * database, closed after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hearth.data-dir=target/it-data",
        "hearth.demo.enabled=false",
        "hearth.base-url=https://portal.test",
        "hearth.http.redirect-port=0",
        "management.server.port=0",
        "spring.datasource.hikari.maximum-pool-size=5",
        "spring.thymeleaf.cache=false",
        "hearth.crypto.master-passphrase=test-only-passphrase-not-secret" })
@ContextConfiguration(initializers = { TestDatabase.class, TestMail.class })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(TestSupport.class)
public @interface PortalTest {
}
