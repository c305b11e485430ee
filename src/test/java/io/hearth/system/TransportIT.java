package io.hearth.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hearth.test.PortalClient;
import io.hearth.test.SharedPortalTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

@SharedPortalTest
class TransportIT {

    @LocalServerPort
    int httpsPort;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void plainHttpAnswersOnlyWithARedirectToHttps() throws IOException {
        List<String> response = rawHttp(httpPort(), "GET /results/42?sort=date HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

        assertThat(response.get(0)).startsWith("HTTP/1.1 301");
        assertThat(response).anySatisfy(line -> assertThat(line).isEqualTo("Location: https://portal.test/results/42?sort=date"));
        assertThat(response).noneSatisfy(line -> assertThat(line).containsIgnoringCase("evil.example"));
        assertThat(response).noneSatisfy(line -> assertThat(line).startsWithIgnoringCase("Set-Cookie"));
        assertThat(response.get(response.size() - 1)).isEmpty();
    }

    @Test
    void plainHttpPostIsRedirectedToo() throws IOException {
        List<String> response = rawHttp(httpPort(), "POST /signin HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        assertThat(response.get(0)).startsWith("HTTP/1.1 301");
    }

    @Test
    void tls12WithForwardSecretAeadAndTls13Succeed() throws IOException {
        assertThat(handshake(new String[] { "TLSv1.3" }, null)).isEqualTo("TLSv1.3");
        assertThat(handshake(new String[] { "TLSv1.2" }, new String[] { "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256" })).isEqualTo("TLSv1.2");
    }

    @Test
    void tls10AndTls11AreRefused() throws IOException {
        assertThat(clientCanSpeak("TLSv1")).isTrue();
        assertThatThrownBy(() -> handshake(new String[] { "TLSv1" }, null)).isInstanceOf(SSLHandshakeException.class);
        assertThatThrownBy(() -> handshake(new String[] { "TLSv1.1" }, null)).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void cbcAndNonForwardSecretSuitesAreRefused() throws Exception {
        String[] cbc = Arrays.stream(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites())
                .filter(suite -> suite.contains("_CBC_")).toArray(String[]::new);
        String[] staticRsa = Arrays.stream(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites())
                .filter(suite -> suite.startsWith("TLS_RSA_")).toArray(String[]::new);

        assertThat(cbc).isNotEmpty();
        assertThatThrownBy(() -> handshake(new String[] { "TLSv1.2" }, cbc)).isInstanceOf(SSLHandshakeException.class);
        assertThatThrownBy(() -> handshake(new String[] { "TLSv1.2" }, staticRsa)).isInstanceOf(SSLHandshakeException.class);
    }

    /** The control: this JVM's client really can complete a TLS 1.0 handshake, so a refusal above comes from the portal. */
    private static boolean clientCanSpeak(String protocol) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = Files.readString(Path.of("target/it-data/tls/localhost.p12.password")).trim().toCharArray();
            try (var in = Files.newInputStream(Path.of("target/it-data/tls/localhost.p12"))) {
                store.load(in, password);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext serverContext = SSLContext.getInstance("TLS");
            serverContext.init(keys.getKeyManagers(), null, null);
            try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0)) {
                server.setEnabledProtocols(new String[] { protocol });
                CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                    try (SSLSocket peer = (SSLSocket) server.accept()) {
                        peer.startHandshake();
                    } catch (IOException ignored) {
                        // the client side reports the outcome
                    }
                });
                try (SSLSocket client = (SSLSocket) PortalClient.trustingDevelopmentCertificate().getSocketFactory()
                        .createSocket("localhost", server.getLocalPort())) {
                    client.setEnabledProtocols(new String[] { protocol });
                    client.startHandshake();
                    accepted.join();
                    return protocol.equals(client.getSession().getProtocol());
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String handshake(String[] protocols, String[] suites) throws IOException {
        try (SSLSocket socket = (SSLSocket) PortalClient.trustingDevelopmentCertificate().getSocketFactory()
                .createSocket("localhost", httpsPort)) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(protocols);
            if (suites != null) {
                socket.setEnabledCipherSuites(suites);
            }
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    private int httpPort() {
        return httpPort(context);
    }

    /** The plain-HTTP port of the portal (the connector that is not secure). */
    static int httpPort(WebServerApplicationContext context) {
        Connector[] connectors = ((TomcatWebServer) context.getWebServer()).getTomcat().getService().findConnectors();
        return Arrays.stream(connectors).filter(connector -> !connector.getSecure()).findFirst().orElseThrow().getLocalPort();
    }

    /** The answer's lines, for a request written by hand (so that it may carry any Host header). */
    static List<String> rawHttp(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> lines = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
            return lines;
        }
    }
}
