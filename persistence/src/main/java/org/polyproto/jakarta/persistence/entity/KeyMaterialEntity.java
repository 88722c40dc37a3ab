package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigInteger;

/** One item of an actor's encrypted private key material. */
@Entity
@Table(name = "p2_key_material")
public class KeyMaterialEntity {

    @Id
    @Column(name = "id")
    public long id;

    @Column(name = "server_domain", length = 253, nullable = false)
    public String serverDomain;

    @Column(name = "fid", length = 320, nullable = false)
    public String fid;

    @Column(name = "serial", precision = 49, scale = 0, nullable = false)
    public BigInteger serial;

    @Column(name = "key_data", length = 16384, nullable = false)
    public String keyData;

    @Column(name = "stored_at", nullable = false)
    public long storedAt;
}
