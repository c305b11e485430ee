/**
 * Practice announcements: an administrator posts news for every patient; it shows on their home page, and each
 * patient who agreed to email notices gets one PHI-free email saying there is news (one email per person, through
 * the throttled notice outbox).
 */
package io.hearth.announcements;
