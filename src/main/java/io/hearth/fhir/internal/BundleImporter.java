package io.hearth.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import io.hearth.fhir.BundleRejectedException;
import io.hearth.fhir.FhirImport;
import io.hearth.records.HealthRecords;
import io.hearth.records.ImportRejectedException;
import io.hearth.records.ImportResult;
import java.io.InputStream;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/** Parse and, if asked, validate (outside any transaction), map, then store the whole bundle in one transaction of the records module. */
@Service
class BundleImporter implements FhirImport {

    private final BundleParser parser;
    private final BundleValidator validator;
    private final HealthRecords records;

    BundleImporter(FhirContext fhir, HealthRecords records) {
        this.parser = new BundleParser(fhir);
        this.validator = new BundleValidator(fhir);
        this.records = records;
    }

    private static String sqlState(DataAccessException refused) {
        return refused.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : "unknown";
    }

    @Override
    public ImportResult importBundle(InputStream json, String origin) {
        return importBundle(json, origin, Long.MAX_VALUE);
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
        var bundle = parser.parse(json, maxBytes);
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
