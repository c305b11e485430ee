package io.hearth.messaging;

import io.hearth.test.PortalClient;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A message form as a browser sends it: multipart, the CSRF token first, then text fields, then files. */
public final class MessageForm {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

    private final String boundary = "----hearth" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** A form with the CSRF token and form token of the page it is on. */
    public static MessageForm from(String pageHtml) {
        return new MessageForm().field("_csrf", PortalClient.csrfToken(pageHtml)).field("formToken", formToken(pageHtml));
    }

    static String formToken(String pageHtml) {
        Matcher matcher = FORM_TOKEN.matcher(pageHtml);
        if (!matcher.find()) {
            throw new AssertionError("no form token on the page");
        }
        return matcher.group(1);
    }

    public MessageForm field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    public MessageForm file(String filename, byte[] content) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write("\r\n");
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** Posts the form, with these extra request headers (name, value, ...). */
    public HttpResponse<String> post(PortalClient client, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path)).header("Content-Type", contentType());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(bytes())).build());
    }

    private void write(String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
