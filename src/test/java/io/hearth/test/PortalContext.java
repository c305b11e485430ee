package io.hearth.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * What {@link PortalTest} and {@link SharedPortalTest} boot: the whole portal on random ports (HTTPS, the redirecting
 * HTTP port, the management port) against a PostgreSQL database of its own and the shared GreenMail SMTP server.
 */
@Target(ElementType.ANNOTATION_TYPE)
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
@Import(TestSupport.class)
@interface PortalContext {
}
