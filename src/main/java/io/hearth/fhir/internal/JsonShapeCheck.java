package io.hearth.fhir.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.hearth.fhir.BundleRejectedException;
import io.hearth.fhir.BundleRejectedException.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A streaming pass over the bundle's bytes before HAPI sees them, refusing what FHIR JSON never contains and what
 * would cost HAPI memory or CPU out of all proportion: duplicate keys, arrays directly inside arrays, empty arrays,
 * nesting deeper than {@value #MAX_DEPTH} levels, numbers longer than {@value #MAX_NUMBER_LENGTH} characters or
 * beyond {@code 1e±}{@value #MAX_EXPONENT} (an infinite value after the record's conversion to double, a
 * {@code toPlainString} of a billion digits), and anything that is not strict JSON. It names the entry
 * ({@code Bundle.entry[i]}) by the position in the {@code entry} array, and never a value.
 *
 * <p>Why a pass of our own: HAPI 8.8.1 parses with one static {@code ObjectMapper} inside {@code JacksonStructure}
 * whose only stream read constraint is an unlimited string length, with single quotes and leading plus signs allowed
 * and no duplicate detection, and it offers no hook to hand it a configured {@code JsonFactory}. Jackson's streaming
 * parser with its own {@link StreamReadConstraints} and {@link StreamReadFeature#STRICT_DUPLICATE_DETECTION} checks
 * a 10 MB bundle in tens of milliseconds and keeps nothing of it.
 */
final class JsonShapeCheck {

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 40;
    static final int MAX_EXPONENT = 100;

    private static final double LARGEST = Double.parseDouble("1e" + MAX_EXPONENT);
    private static final double SMALLEST = Double.parseDouble("1e-" + MAX_EXPONENT);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");
    private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_NUMBER_LENGTH)
                    // the bundle's byte limit already bounds strings; an attachment may be most of a bundle
                    .maxStringLength(Integer.MAX_VALUE).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonShapeCheck() {
    }

    /** @throws BundleRejectedException (malformed) naming the entry and what is wrong, never a value */
    static void check(byte[] json) {
        JsonParser parser = null;
        try {
            parser = JSON.createParser(json);
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_ARRAY -> {
                        if (parser.getParsingContext().getParent().inArray()) {
                            throw refused(parser, "has an array directly inside an array, which FHIR JSON never has");
                        }
                        if (parser.nextToken() == JsonToken.END_ARRAY) {
                            throw refused(parser, "has an empty array, which FHIR JSON never has");
                        }
                        checkValue(parser, parser.currentToken());
                    }
                    default -> checkValue(parser, token);
                }
            }
        } catch (StreamConstraintsException limit) {
            throw refused(parser, limit.getMessage().contains("nesting depth") ? "is nested more than " + MAX_DEPTH + " levels deep"
                    : limit.getMessage().contains("Number value length") ? "has a number longer than " + MAX_NUMBER_LENGTH + " characters"
                    : "exceeds a limit of the JSON parser");
        } catch (JsonProcessingException malformed) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(malformed.getOriginalMessage()));
            if (duplicate.find()) {
                throw refused(parser, "has the key '" + elementName(duplicate.group(1)) + "' more than once in one object");
            }
            throw new BundleRejectedException(Problem.MALFORMED, "Bundle", "the body is not valid FHIR JSON");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The token just read, when it opens another array (right after an array's start) or is a number. */
    private static void checkValue(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.START_ARRAY) {
            throw refused(parser, "has an array directly inside an array, which FHIR JSON never has");
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            checkNumber(parser);
        }
    }

    /**
     * Its double value is read from the text (at most 40 characters), which is cheap whatever the exponent; the
     * BigDecimal HAPI would make of {@code 1e999999999} is not.
     */
    private static void checkNumber(JsonParser parser) throws IOException {
        double value = Math.abs(parser.getDoubleValue());
        boolean zero = value == 0 && !parser.getText().split("[eE]")[0].matches(".*[1-9].*");
        if (!zero && !(value >= SMALLEST && value <= LARGEST)) {
            throw refused(parser, "element '" + elementName(parser.currentName()) + "' has a number beyond the range this portal accepts (1e-"
                    + MAX_EXPONENT + " to 1e" + MAX_EXPONENT + " in size)");
        }
    }

    private static BundleRejectedException refused(JsonParser parser, String reason) {
        int entry = parser == null ? -1 : entryIndex(parser.getParsingContext());
        return entry < 0 ? new BundleRejectedException(Problem.MALFORMED, "Bundle", "the bundle " + reason)
                : new BundleRejectedException(Problem.MALFORMED, "Bundle.entry[" + entry + "]", "entry " + entry + " " + reason);
    }

    /** The position in the bundle's own {@code entry} array of where the parser is, or -1 outside it. */
    private static int entryIndex(JsonStreamContext context) {
        for (JsonStreamContext at = context; at != null && at.getParent() != null; at = at.getParent()) {
            JsonStreamContext bundle = at.getParent();
            if (at.inArray() && bundle.inObject() && bundle.getParent() != null && bundle.getParent().inRoot()
                    && "entry".equals(bundle.getCurrentName())) {
                return Math.max(0, at.getCurrentIndex());
            }
        }
        return -1;
    }

    /** A key is the sender's text: named only when it looks like a FHIR element name. */
    private static String elementName(String key) {
        return key != null && ELEMENT_NAME.matcher(key).matches() ? key : "?";
    }
}
