/**
 * Compliance: emergency ("break-glass") access to a record outside the care team and the security officer's review
 * of it, and suspicious-activity alerts counted from the audit trail (record snooping, repeated denials, failed
 * sign-ins) that the officer closes or escalates. Later: access reviews, incidents, disclosures.
 */
package io.hearth.compliance;
