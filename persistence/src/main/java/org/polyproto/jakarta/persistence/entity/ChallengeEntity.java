package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "p2_challenge")
public class ChallengeEntity {

    @Id
    @Column(name = "challenge", length = 256)
    public String challenge;

    /** The deployment (this server's domain) the row belongs to. */
    @Column(name = "server_domain", length = 253, nullable = false)
    public String serverDomain;

    @Column(name = "expires_at", nullable = false)
    public long expiresAt;
}
