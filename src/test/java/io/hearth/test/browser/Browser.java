package io.hearth.test.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver; Selenium Manager never downloads anything.
 * Without Chromium the browser tests are skipped with a warning, unless HEARTH_TEST_REQUIRE_BROWSER=true.
 */
public final class Browser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Browser.class);
    private static final File CHROMIUM = new File(System.getenv().getOrDefault("HEARTH_TEST_CHROMIUM", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getenv().getOrDefault("HEARTH_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    public static Browser open(int port) throws IOException {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            String message = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install them with 'apt-get install -y chromium chromium-driver'";
            if (Boolean.parseBoolean(System.getenv("HEARTH_TEST_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(message + " (HEARTH_TEST_REQUIRE_BROWSER=true)");
            }
            log.warn("SKIPPING BROWSER TESTS: {}", message);
            Assumptions.abort(message);
        }
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("hearth-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.setAcceptInsecureCerts(true);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "https://localhost:" + port, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** POSTs an empty body from the current page with its CSRF token (as the page's own scripts do); the status. */
    public long postFromPage(String path) {
        return (Long) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var meta = document.querySelector('meta[name=hearth-csrf]');
                var headers = {};
                headers[meta.dataset.header] = meta.content;
                fetch(arguments[0], { method: 'POST', headers: headers, credentials: 'same-origin' })
                    .then(function (response) { done(response.status); }, function () { done(-1); });
                """, path);
    }

    /** Waits (up to 10 s) until the element is on the page, e.g. after a form submission navigated. */
    public void waitFor(org.openqa.selenium.By element) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(element));
    }

    /**
     * A platform authenticator in this browser, as a phone's or laptop's built-in one: CTAP2, internal transport,
     * discoverable credentials, user verification (fingerprint, face or PIN) present and always given.
     */
    public org.openqa.selenium.virtualauthenticator.VirtualAuthenticator addPasskeyAuthenticator() {
        return driver.addVirtualAuthenticator(new org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions()
                .setProtocol(org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    public String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** The value of the session cookie now (the browser sees HttpOnly cookies through WebDriver). */
    public String sessionCookie() {
        org.openqa.selenium.Cookie cookie = driver.manage().getCookieNamed("__Host-HEARTH");
        return cookie == null ? null : cookie.getValue();
    }

    public void go(String path) {
        driver.get(baseUrl + path);
    }

    /** axe-core on the current page: no serious or critical accessibility violation. */
    public void assertAccessible() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice")).analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .toList();
        assertThat(results.getPasses()).as("axe-core ran its rules").isNotEmpty();
        assertThat(serious).as("axe-core serious or critical violations on " + driver.getCurrentUrl()).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
