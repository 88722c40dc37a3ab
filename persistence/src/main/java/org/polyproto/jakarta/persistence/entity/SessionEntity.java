package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;

@Entity
@Table(name = "p2_session")
public class SessionEntity {

    @Id
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    /** The deployment (this server's domain) the row belongs to. */
    @Column(name = "server_domain", length = 253, nullable = false)
    public String serverDomain;

    @Column(name = "fid", length = 320, nullable = false)
    public String fid;

    @Column(name = "session_id", length = 64, nullable = false)
    public String sessionId;

    /** Any ID-Cert serial, foreign ones included: up to 20 octets, {@code NUMERIC(49,0)}. */
    @Column(name = "cert_serial", nullable = false, precision = 49, scale = 0)
    public BigInteger certSerial;

    @Column(name = "cert_pem", length = 8192, nullable = false)
    public String certPem;

    @Column(name = "opened_at", nullable = false)
    public long openedAt;

    @Column(name = "expires_at", nullable = false)
    public long expiresAt;
}
