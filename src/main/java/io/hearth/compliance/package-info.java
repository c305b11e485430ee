/**
 * Compliance: emergency ("break-glass") access to a record outside the care team, and the security officer's review
 * of it. Later: access reviews, monitoring alerts, incidents, disclosures.
 */
package io.hearth.compliance;
