package io.hearth.system;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** Opens the plain-HTTP port, whose only answer is a redirect to HTTPS (see {@link HttpsOnlyFilter}). */
@Component
class HttpsRedirectConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final HearthProperties properties;

    HttpsRedirectConnector(HearthProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        int port = properties.http().redirectPort();
        if (port < 0) {
            return;
        }
        Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
        connector.setScheme("http");
        connector.setSecure(false);
        connector.setPort(port);
        connector.setAllowTrace(false);
        connector.setXpoweredBy(false);
        factory.addAdditionalConnectors(connector);
    }
}
