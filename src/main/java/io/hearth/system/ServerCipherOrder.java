package io.hearth.system;

import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/** The server, not the client, picks the suite: strongest first, as listed in server.ssl.ciphers. */
@Component
class ServerCipherOrder implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            for (SSLHostConfig host : connector.findSslHostConfigs()) {
                host.setHonorCipherOrder(true);
            }
        });
    }
}
