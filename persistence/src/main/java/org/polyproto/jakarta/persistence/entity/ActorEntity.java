package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "p2_actor")
public class ActorEntity {

    @Id
    @Column(name = "fid", length = 320)
    public String fid;

    @Column(name = "password_hash", length = 256)
    public String passwordHash;

    @Column(name = "registered_at", nullable = false)
    public long registeredAt;
}
