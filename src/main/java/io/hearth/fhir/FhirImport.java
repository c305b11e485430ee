package io.hearth.fhir;

import io.hearth.records.ImportResult;
import java.io.InputStream;

/** Imports FHIR R4 bundles (JSON, gzip-compressed or not) into the health record. */
public interface FhirImport {

    /**
     * Parses one bundle and stores it in one transaction; re-importing updates in place. A bundle larger than
     * {@link #maxBundleBytes()} is refused.
     *
     * @param origin who sends it, for the audit trail (never PHI, never a file name)
     * @throws BundleRejectedException when the bundle is not valid FHIR R4 JSON, or an entry cannot be stored (the
     *     message names the entry and the reason, never PHI); nothing of the bundle is stored then
     */
    ImportResult importBundle(InputStream json, String origin);

    /**
     * The same, refusing a bundle whose JSON (after gzip, if compressed) is larger than {@code maxBytes}, before
     * parsing it ({@link BundleRejectedException.Problem#TOO_LARGE}), or larger than this node's heap imports safely,
     * whatever {@code maxBytes} says ({@link BundleRejectedException.Problem#TOO_LARGE_FOR_HEAP}).
     */
    ImportResult importBundle(InputStream json, String origin, long maxBytes);

    /**
     * The same, and when {@code validate} is set the bundle is first validated against the base FHIR R4 definitions
     * (cardinality, types, invariants: an Observation without a status or code is refused, naming the entry). Thorough
     * but about ten times slower than the rest of an import: the EHR endpoint validates, bulk imports choose.
     */
    ImportResult importBundle(InputStream json, String origin, long maxBytes, boolean validate);

    /**
     * The largest bundle's JSON (after gzip) accepted unless a caller names its own limit: {@code
     * hearth.fhir.max-bundle-size}, for the EHR endpoint and the {@code import} command alike.
     */
    long maxBundleBytes();

    /** After a bulk import (many bundles at once): see {@link io.hearth.records.HealthRecords#refreshStatistics()}. */
    void refreshStatistics();
}
