package org.polyproto.jakarta.spi.storage.memory;

import java.math.BigInteger;
import java.util.Optional;
import org.polyproto.jakarta.spi.ServerKey;
import org.polyproto.jakarta.spi.ServerKeyCustody;
import org.polyproto.jakarta.spi.ServerSigningKey;
import org.polyproto.jakarta.spi.storage.tck.ServerKeyCustodyContract;

class InMemoryServerKeyCustodyContractTest extends ServerKeyCustodyContract {

    @Override
    protected ServerKeyCustody createStore() {
        return new InMemoryServerKeyCustody();
    }

    @Override
    protected ServerSigningKey signingKey(BigInteger serial) {
        byte[] seed = new byte[32];
        seed[0] = (byte) serial.intValue();
        return new ServerSigningKey(new ServerKey(serial, "PEM " + serial, T.minusSeconds(3600),
                T.plusSeconds(86400), Optional.empty()), seed);
    }
}
