package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;

@Entity
@Table(name = "p2_server_key")
public class ServerKeyEntity {

    @Id
    @Column(name = "serial", precision = 49, scale = 0)
    public BigInteger serial;

    /** The domain whose home server this key is; deployments for several domains may share the tables. */
    @Column(name = "home_domain", length = 253, nullable = false)
    public String domain;

    @Column(name = "generation", nullable = false)
    public int generation;

    @Column(name = "certificate_pem", length = 8192, nullable = false)
    public String certificatePem;

    /** AES-GCM ciphertext of the private key, base64 (nonce first); never the key itself. */
    @Column(name = "private_key", length = 512, nullable = false)
    public String privateKey;

    @Column(name = "not_before", nullable = false)
    public long notBefore;

    @Column(name = "not_after", nullable = false)
    public long notAfter;

    @Column(name = "retired_at")
    public Long retiredAt;

    /**
     * How {@link #privateKey} is bound to its row: 1 = the serial only (rows written before schema version 3,
     * under the old fixed-salt key), 2 = domain, serial, generation and the certificate's SHA-256.
     */
    @Column(name = "custody_version", nullable = false)
    public int custodyVersion;
}
