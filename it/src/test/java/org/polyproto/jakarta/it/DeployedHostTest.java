package org.polyproto.jakarta.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A client-side test of one deployed host WAR: its URL, an HTTP client and the protocol steps. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class DeployedHostTest {

    @ArquillianResource
    URL base;

    Http http;
    Flows flows;

    @BeforeEach
    void client() {
        http = new Http(base);
        flows = new Flows(http);
    }
}
