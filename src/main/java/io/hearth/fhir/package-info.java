/**
 * FHIR R4: the import of transaction bundles from the EHR (command line and an administrator's HTTP endpoint), parsed
 * with HAPI FHIR and mapped onto {@code io.hearth.records}. Depends on the feature modules; nothing depends on it
 * except the command line.
 *
 * <p>HAPI's parser checks the JSON against the R4 model strictly (unknown elements, wrong JSON types and invalid
 * values reject the bundle), and the mapping checks what the record needs (references that resolve, codes present).
 * HAPI's profile validator is not run on import: it costs milliseconds per resource, far above the import's budget.
 */
package io.hearth.fhir;
