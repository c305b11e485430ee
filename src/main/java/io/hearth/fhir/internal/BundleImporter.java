package io.hearth.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import io.hearth.fhir.BundleRejectedException;
import io.hearth.fhir.FhirImport;
import io.hearth.records.HealthRecords;
import io.hearth.records.ImportRejectedException;
import io.hearth.records.ImportResult;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Parse and, if asked, validate (outside any transaction), map, then store the whole bundle in one transaction of the
 * records module; within the heap's {@link ImportBudget}.
 */
@Service
class BundleImporter implements FhirImport {

    private static final Logger log = LoggerFactory.getLogger(BundleImporter.class);
    private static final long MB = 1024 * 1024;

    private final BundleParser parser;
    private final BundleValidator validator;
    private final HealthRecords records;
    private final FhirProperties properties;
    private final ImportBudget budget;

    BundleImporter(FhirContext fhir, FhirProperties properties, HealthRecords records) {
        this.parser = new BundleParser(fhir);
        this.validator = new BundleValidator(fhir);
        this.records = records;
        this.properties = properties;
        this.budget = new ImportBudget(properties.concurrentImports(), Runtime.getRuntime().maxMemory());
        long configured = properties.maxBundleSize().toBytes();
        long bounded = budget.bounded(configured, properties.validate());
        if (bounded < configured) {
            log.warn("hearth.fhir.max-bundle-size is {} MB, but this heap of {} MB imports bundles of at most {} MB at the endpoint;"
                    + " larger ones are refused. Give the JVM at least {} MB (-Xmx) for {} MB bundles.", configured / MB,
                    budget.maxHeap() / MB, bounded / MB, budget.heapNeeded(configured, properties.validate()) / MB, configured / MB);
        }
    }

    private static String sqlState(DataAccessException refused) {
        return refused.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : "unknown";
    }

    @Override
    public ImportResult importBundle(InputStream json, String origin) {
        return importBundle(json, origin, maxBundleBytes());
    }

    @Override
    public long maxBundleBytes() {
        return properties.maxBundleSize().toBytes();
    }

    @Override
    public ImportResult importBundle(InputStream json, String origin, long maxBytes) {
        return importBundle(json, origin, maxBytes, false);
    }

    @Override
    public void refreshStatistics() {
        records.refreshStatistics();
    }

    @Override
    public ImportResult importBundle(InputStream json, String origin, long maxBytes, boolean validate) {
        return budget.run(() -> importWithin(json, origin, maxBytes, validate));
    }

    private ImportResult importWithin(InputStream json, String origin, long maxBytes, boolean validate) {
        long limit = budget.bounded(maxBytes, validate);
        org.hl7.fhir.r4.model.Bundle bundle;
        try {
            bundle = parser.parse(json, limit);
        } catch (BundleRejectedException tooLarge) {
            if (tooLarge.problem() == BundleRejectedException.Problem.TOO_LARGE && limit < maxBytes) {
                throw new BundleRejectedException(BundleRejectedException.Problem.TOO_LARGE_FOR_HEAP, "Bundle", String.format(java.util.Locale.ROOT,
                        "the bundle is larger than %d bytes (%.1f MB), the most this server's heap of %d MB imports safely; send smaller"
                                + " bundles, or give the server more heap (-Xmx)", limit, limit / (double) MB, budget.maxHeap() / MB));
            }
            throw tooLarge;
        }
        if (validate) {
            validator.check(bundle);
        }
        var batch = BundleMapper.map(bundle, origin);
        try {
            return records.store(batch);
        } catch (ImportRejectedException rejected) {
            String entry = rejected.entry();
            String location = entry.startsWith("entry ") ? "Bundle.entry[" + entry.substring(6).split(" ")[0] + "]" : "Bundle";
            throw new BundleRejectedException(BundleRejectedException.Problem.INVALID_ENTRY, location, rejected.getMessage());
        } catch (DataIntegrityViolationException raced) {
            // two imports created the same new resource at once; the database kept one (its message names values: not passed on)
            throw new BundleRejectedException(BundleRejectedException.Problem.CONFLICT, "Bundle",
                    "another import stored some of the same resources at the same moment; send the bundle again");
        } catch (DataAccessException refused) {
            // the driver's message quotes the row (ciphertexts, keyed hashes, dates): only its SQL state goes on, so
            // whatever logs this exception logs nothing of the record
            throw new IllegalStateException("The database refused a health record import (SQL state " + sqlState(refused) + ")");
        }
    }
}
