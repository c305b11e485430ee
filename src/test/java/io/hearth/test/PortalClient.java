package io.hearth.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A browser-like HTTPS client for integration tests: it trusts exactly the portal's development certificate,
 * keeps cookies, does not follow redirects, and knows how to sign in through the real form (with its CSRF token).
 */
public final class PortalClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    public PortalClient(int port) {
        this(port, Path.of("target/it-data"));
    }

    public PortalClient(int port, Path dataDir) {
        this.baseUrl = "https://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .sslContext(trusting(dataDir))
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public static SSLContext trustingDevelopmentCertificate() {
        return trusting(Path.of("target/it-data"));
    }

    /** An SSL context that trusts exactly the development certificate in the given data folder. */
    public static SSLContext trusting(Path dataDir) {
        try {
            Path tls = dataDir.resolve("tls");
            String password = Files.readString(tls.resolve("localhost.p12.password")).trim();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(tls.resolve("localhost.p12"))) {
                store.load(in, password.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot trust the development certificate in " + dataDir, e);
        }
    }

    /** The cookies this client holds, as a {@code Cookie} header for requests written by hand (raw sockets). */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The portal's address of this path, for requests built by hand. */
    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<String> send(String method, String path, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<String> postForm(String path, String form) {
        return send(request(path, "Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Posts JSON as a page's script does, with the CSRF token the page at {@code pagePath} carries in the header. */
    public HttpResponse<String> postJson(String pagePath, String path, String json) {
        String token = csrfToken(get(pagePath).body());
        return send(request(path, "Content-Type", "application/json", "X-CSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Posts a form from the page at {@code pagePath}, with the CSRF token that page carries (and these headers on both requests). */
    public HttpResponse<String> submit(String pagePath, String actionPath, String form, String... headers) {
        String token = csrfToken(get(pagePath, headers).body());
        String[] withType = java.util.Arrays.copyOf(headers, headers.length + 2);
        withType[headers.length] = "Content-Type";
        withType[headers.length + 1] = "application/x-www-form-urlencoded";
        return send(request(actionPath, withType).POST(HttpRequest.BodyPublishers.ofString((form.isEmpty() ? "" : form + "&") + "_csrf=" + token))
                .build());
    }

    /** Signs in through both steps: the password, then a code from the account's authenticator app (see TestAccounts). */
    public HttpResponse<String> signIn(String username, String password) {
        HttpResponse<String> first = signInPasswordOnly(username, password);
        String secret = TestAccounts.secretOf(username);
        if (secret == null || first.headers().firstValue("Location").orElse("").contains("error")) {
            return first;
        }
        HttpResponse<String> second = submitSecondFactor(TestAccounts.currentCode(secret));
        TestClock.INSTANCE.advance(java.time.Duration.ofSeconds(30));
        return second;
    }

    public HttpResponse<String> signInPasswordOnly(String username, String password, String... headers) {
        return submit("/signin", "/signin", "username=" + encode(username) + "&password=" + encode(password), headers);
    }

    public HttpResponse<String> submitSecondFactor(String code) {
        return submit("/signin/second-factor", "/signin/second-factor", "code=" + encode(code));
    }

    public static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token on the page");
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request built by hand, reading the answer with the given handler (bytes for a download). */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
