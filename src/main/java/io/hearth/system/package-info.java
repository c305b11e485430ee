/**
 * What every page shares and no feature owns: transport (HTTPS, the plain-HTTP redirect, security headers), errors
 * and the database-outage answer, request ids, health, the shared layout and the home page.
 *
 * <p>The one design decision to know: the layout and the home page list no module. Each feature module contributes
 * its menu entries ({@link io.hearth.system.MenuEntries}) and its part of the home page
 * ({@link io.hearth.system.HomePageContent}); system only orders them and shows those of the person's roles.
 */
package io.hearth.system;
