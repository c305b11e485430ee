package io.hearth.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The whole portal ({@link PortalContext}) on a fresh database of its own: each test class gets its own context and
 * database, closed after the class. The database is a copy of a template migrated once per JVM ({@link TestDatabase}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PortalContext
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface PortalTest {
}
