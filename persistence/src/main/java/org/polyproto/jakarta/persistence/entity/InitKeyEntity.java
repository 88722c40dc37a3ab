package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An MLS init key that was uploaded, by its SHA-256: the primary key makes it acceptable once. */
@Entity
@Table(name = "p2_init_key")
public class InitKeyEntity {

    @Id
    @Column(name = "init_key_hash", length = 64)
    public String initKeyHash;

    /** The deployment (this server's domain) the row belongs to. */
    @Column(name = "server_domain", length = 253, nullable = false)
    public String serverDomain;

    @Column(name = "forget_after", nullable = false)
    public long forgetAfter;
}
