package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An actor's lock row: work on its sessions and ID-Certs takes turns by locking it. */
@Entity
@Table(name = "p2_actor_lock")
public class ActorLockEntity {

    @Id
    @Column(name = "fid", length = 320)
    public String fid;
}
