package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "p2_key_package")
public class KeyPackageEntity {

    @Id
    @Column(name = "id")
    public long id;

    /** The deployment (this server's domain) the row belongs to. */
    @Column(name = "server_domain", length = 253, nullable = false)
    public String serverDomain;

    @Column(name = "fid", length = 320, nullable = false)
    public String fid;

    @Column(name = "session_id", length = 64, nullable = false)
    public String sessionId;

    /** SHA-256 of the package's init key, hex: one package per init key and client. */
    @Column(name = "digest", length = 64, nullable = false)
    public String digest;

    @Column(name = "last_resort", nullable = false)
    public boolean lastResort;

    @Column(name = "key_package", length = 16384, nullable = false)
    public String keyPackage;

    @Column(name = "uploaded_at", nullable = false)
    public long uploadedAt;

    /** The LeafNode's {@code not_after}, epoch seconds: never handed out from then on. */
    @Column(name = "expires_at", nullable = false)
    public long expiresAt;

    /** Whether a client was given it (a last-resort package, which stays): its init key must then stay refused. */
    @Column(name = "handed_out", nullable = false)
    public boolean handedOut;
}
