package io.hearth.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole portal ({@link PortalContext}) shared by every class so marked: one context and database, booted for the
 * first such class and kept (Spring's context cache) until the test JVM ends, which saves a boot per class. Only for a
 * class that would pass in any order after any other such class: it makes only data named for itself, asserts nothing
 * about the database as a whole (counts of all rows, pages listing everyone), changes no setting (not even for a
 * while) and leaves no more than a stray sign-in failure (they add up to the per-address throttle). Otherwise use
 * {@link PortalTest}. The property keeps this context apart from PortalTest's, whose key would otherwise be the same.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PortalContext
@TestPropertySource(properties = "hearth-test.context=shared")
public @interface SharedPortalTest {
}
