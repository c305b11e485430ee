package io.hearth.fhir;

/**
 * A bundle that was refused, nothing of it stored. The message is safe to show to the sender: it names the entry
 * (index and fullUrl, or the resource type) and the reason, and never carries PHI or a value from the bundle.
 */
public class BundleRejectedException extends RuntimeException {

    /**
     * Why: larger than the configured or requested limit, larger than this node's heap holds (a smaller limit, which
     * raising the configured one does not change), not FHIR R4 JSON at all, valid FHIR with an entry that cannot be
     * stored, or another import storing some of the same resources at the same moment (send it again), or as many
     * imports running as the node allows (send it again later).
     */
    public enum Problem { TOO_LARGE, TOO_LARGE_FOR_HEAP, MALFORMED, WRONG_VERSION, INVALID_ENTRY, CONFLICT, BUSY }

    private final Problem problem;
    private final String location;

    public BundleRejectedException(Problem problem, String location, String reason) {
        super(location + ": " + reason);
        this.problem = problem;
        this.location = location;
    }

    public Problem problem() {
        return problem;
    }

    /** A FHIRPath-like location such as {@code Bundle.entry[17]}, or {@code Bundle}. */
    public String location() {
        return location;
    }
}
