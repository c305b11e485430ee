package io.hearth.messaging.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message body as the page shows it: plain text (the template escapes it and keeps its line breaks), in which only
 * addresses inside the portal itself ({@code hearth.base-url}) become links. Any other address stays text, so a
 * message cannot carry a clickable phishing link.
 */
final class MessageText {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+", Pattern.CASE_INSENSITIVE);

    /** A run of text, or a link to a page of the portal when {@code href} is set. */
    record Segment(String text, String href) {
    }

    private MessageText() {
    }

    static List<Segment> segments(String body, URI baseUrl) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = URL.matcher(body);
        int from = 0;
        while (matcher.find()) {
            String url = matcher.group().replaceAll("[.,;:!?)]+$", "");
            if (!inPortal(url, base)) {
                continue;
            }
            if (matcher.start() > from) {
                segments.add(new Segment(body.substring(from, matcher.start()), null));
            }
            segments.add(new Segment(url, url));
            from = matcher.start() + url.length();
        }
        if (from < body.length()) {
            segments.add(new Segment(body.substring(from), null));
        }
        return segments;
    }

    /** The address is the portal's: the same scheme, host and port, then a path (not "@", not another host). */
    static boolean inPortal(String url, String base) {
        if (!(url.equals(base) || url.startsWith(base + "/"))) {
            return false;
        }
        try {
            URI parsed = URI.create(url);
            URI portal = URI.create(base);
            return parsed.getRawUserInfo() == null && portal.getScheme().equalsIgnoreCase(parsed.getScheme())
                    && portal.getHost().equalsIgnoreCase(parsed.getHost()) && portal.getPort() == parsed.getPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
