package io.hearth.records;

/**
 * A batch was refused and nothing of it was stored. The message names the entry (its label) and the reason and is
 * safe to show to the sender: it never carries PHI.
 */
public class ImportRejectedException extends RuntimeException {

    private final String entry;
    private final String reason;

    public ImportRejectedException(String entry, String reason) {
        super(entry + ": " + reason);
        this.entry = entry;
        this.reason = reason;
    }

    public String entry() {
        return entry;
    }

    public String reason() {
        return reason;
    }
}
