package io.hearth.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.ErrorHandlerAdapter;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import io.hearth.fhir.BundleRejectedException;
import io.hearth.fhir.BundleRejectedException.Problem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;

/**
 * Bundle JSON to HAPI's R4 model, strictly: an unknown element, a wrong JSON type or an invalid value rejects the
 * bundle. HAPI's own error handlers log the offending values (PHI), so this one throws with the element name only.
 * When the bundle fails, each entry is parsed alone to name the first bad one. Before HAPI, {@link JsonShapeCheck}
 * refuses what HAPI's JSON parser lets through or chokes on (duplicate keys, arrays in arrays, deep nesting, numbers
 * beyond a sane size).
 */
class BundleParser {

    private final FhirContext fhir;

    BundleParser(FhirContext fhir) {
        this.fhir = fhir;
    }

    Bundle parse(InputStream raw, long maxBytes) {
        byte[] json = read(raw, maxBytes);
        JsonShapeCheck.check(json);
        Bundle bundle;
        try {
            bundle = strict().parseResource(Bundle.class, new InputStreamReader(new java.io.ByteArrayInputStream(json), StandardCharsets.UTF_8));
        } catch (Refused refused) {
            throw locate(json, refused);
        } catch (DataFormatException | ClassCastException | IllegalArgumentException malformed) {
            if (malformed.getMessage() != null && malformed.getMessage().contains("HAPI-0450")) {
                throw new BundleRejectedException(Problem.MALFORMED, "Bundle", "the resource is not a Bundle");
            }
            throw new BundleRejectedException(Problem.MALFORMED, "Bundle", "the body is not valid FHIR JSON");
        }
        if (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.BATCH
                && bundle.getType() != Bundle.BundleType.COLLECTION) {
            throw new BundleRejectedException(Problem.MALFORMED, "Bundle.type", "a transaction, batch or collection bundle is expected");
        }
        return bundle;
    }

    /** All of the JSON, gunzipped if it starts like gzip; never more than maxBytes of it (a gzip bomb stops there). */
    private static byte[] read(InputStream raw, long maxBytes) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw);
            in.mark(2);
            int first = in.read();
            int second = in.read();
            in.reset();
            InputStream body = first == 0x1f && second == 0x8b ? new GZIPInputStream(in) : in;
            byte[] json = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes == Long.MAX_VALUE ? Integer.MAX_VALUE - 8 : maxBytes + 1));
            if (json.length > maxBytes) {
                throw new BundleRejectedException(Problem.TOO_LARGE, "Bundle", "the bundle is larger than " + maxBytes + " bytes");
            }
            return json;
        } catch (java.util.zip.ZipException e) {
            throw new BundleRejectedException(Problem.MALFORMED, "Bundle", "the gzip data is damaged");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole bundle failed: parse it leniently and then each entry strictly, to name the first bad entry. */
    private BundleRejectedException locate(byte[] json, Refused refused) {
        Problem problem = refused.unknownElement ? Problem.WRONG_VERSION : Problem.MALFORMED;
        String reason = refused.unknownElement
                ? "element '" + refused.element + "' is not part of FHIR R4 (is this another FHIR version?)"
                : "element '" + refused.element + "' " + refused.what;
        try {
            Bundle lenient = fhir.newJsonParser().setParserErrorHandler(new Quiet())
                    .parseResource(Bundle.class, new InputStreamReader(new java.io.ByteArrayInputStream(json), StandardCharsets.UTF_8));
            IParser encoder = fhir.newJsonParser();
            for (int i = 0; i < lenient.getEntry().size(); i++) {
                BundleEntryComponent entry = lenient.getEntry().get(i);
                if (entry.getResource() == null) {
                    continue;
                }
                try {
                    strict().parseResource(encoder.encodeResourceToString(entry.getResource()));
                } catch (DataFormatException inEntry) {
                    return new BundleRejectedException(problem, "Bundle.entry[" + i + "]", BundleMapper.label(i, entry) + ": " + reason);
                }
            }
        } catch (RuntimeException notLocatable) {
            // fall through: name the bundle
        }
        return new BundleRejectedException(problem, "Bundle", reason);
    }

    private IParser strict() {
        return fhir.newJsonParser().setParserErrorHandler(new Strict());
    }

    /** A strict parse failure: the element's name (never its value), and what was wrong. */
    static final class Refused extends DataFormatException {
        final String element;
        final String what;
        final boolean unknownElement;

        Refused(String element, String what, boolean unknownElement) {
            super("element '" + element + "' " + what);
            this.element = element;
            this.what = what;
            this.unknownElement = unknownElement;
        }
    }

    private static final class Strict extends ErrorHandlerAdapter {

        @Override
        public void incorrectJsonType(IParseLocation location, String elementName, ValueType expected, ScalarType expectedScalar,
                ValueType found, ScalarType foundScalar) {
            throw new Refused(elementName, "has the wrong JSON type", false);
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            throw new Refused(location == null || location.getParentElementName() == null ? "?" : location.getParentElementName(),
                    "has an invalid value", false);
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
            throw new Refused(elementName, "must not repeat", false);
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attributeName) {
            throw new Refused(attributeName, "is unknown", true);
        }

        @Override
        public void unknownElement(IParseLocation location, String elementName) {
            throw new Refused(elementName, "is unknown", true);
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            throw new Refused("extension", "has both a value and nested extensions", false);
        }
    }

    /** Keeps going and logs nothing (HAPI's LenientErrorHandler would log the values). */
    private static final class Quiet extends ErrorHandlerAdapter {
    }
}
