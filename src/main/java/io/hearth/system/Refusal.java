package io.hearth.system;

import java.util.Arrays;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A refusal shown to a person: a message key with its arguments (the text is in {@code messages*.properties}, in each
 * language), and the HTTP status the page answers with. Never an English sentence built in code; the exception's own
 * message is the key, so logs stay free of what the person typed. Being a {@link MessageSourceResolvable}, it is
 * turned into text by {@code messageSource.getMessage(refusal, locale)}.
 */
public abstract class Refusal extends RuntimeException implements MessageSourceResolvable {

    private final String key;
    private final Object[] arguments;
    private final HttpStatus status;

    protected Refusal(HttpStatus status, String key, Object... arguments) {
        super(key);
        this.key = key;
        this.arguments = arguments.clone();
        this.status = status;
    }

    public String key() {
        return key;
    }

    @Override
    public String[] getCodes() {
        return new String[] { key };
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    public HttpStatus status() {
        return status;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + key + ", " + Arrays.toString(arguments) + "]";
    }
}
