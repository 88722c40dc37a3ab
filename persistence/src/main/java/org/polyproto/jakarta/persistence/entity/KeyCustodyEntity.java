package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The server-key custody's random per-installation KDF salt, one row per home domain, written once. */
@Entity
@Table(name = "p2_key_custody")
public class KeyCustodyEntity {

    @Id
    @Column(name = "home_domain", length = 253)
    public String domain;

    /** 32 random bytes, base64. */
    @Column(name = "kdf_salt", length = 64, nullable = false)
    public String kdfSalt;

    @Column(name = "created_at", nullable = false)
    public long createdAt;
}
