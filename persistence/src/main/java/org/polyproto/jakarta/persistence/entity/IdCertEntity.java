package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;

@Entity
@Table(name = "p2_id_cert")
public class IdCertEntity {

    /** Up to 20 octets (polyproto allows 1-20), so {@code NUMERIC(49,0)}, not BIGINT. */
    @Id
    @Column(name = "serial", precision = 49, scale = 0)
    public BigInteger serial;

    @Column(name = "fid", length = 320, nullable = false)
    public String fid;

    @Column(name = "session_id", length = 64, nullable = false)
    public String sessionId;

    @Column(name = "pem", length = 8192, nullable = false)
    public String pem;

    @Column(name = "not_before", nullable = false)
    public long notBefore;

    @Column(name = "not_after", nullable = false)
    public long notAfter;

    @Column(name = "invalidated_at")
    public Long invalidatedAt;
}
