package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;

/** A key trial an actor completed. */
@Entity
@Table(name = "p2_key_trial")
public class KeyTrialEntity {

    @Id
    @Column(name = "id")
    public long id;

    @Column(name = "server_domain", length = 253, nullable = false)
    public String serverDomain;

    @Column(name = "fid", length = 320, nullable = false)
    public String fid;

    @Column(name = "trial", length = 256, nullable = false)
    public String trial;

    @Column(name = "expires", nullable = false)
    public long expires;

    @Column(name = "signature", length = 128, nullable = false)
    public String signature;

    @Column(name = "serial", precision = 49, scale = 0, nullable = false)
    public BigInteger serial;

    @Column(name = "completed_at", nullable = false)
    public long completedAt;
}
