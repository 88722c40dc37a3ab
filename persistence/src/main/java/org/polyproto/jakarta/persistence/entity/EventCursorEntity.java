package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A client's next event sequence number and the broadcasts it has had; locking it serialises that client's enqueues and drains. */
@Entity
@Table(name = "p2_event_cursor")
public class EventCursorEntity {

    @Id
    @Column(name = "client_key", length = 700)
    public String clientKey;

    @Column(name = "next_seq", nullable = false)
    public long nextSeq;

    /** The number of the newest broadcast this client has been given or has passed over (0 for none). */
    @Column(name = "broadcast_seen", nullable = false)
    public long broadcastSeen;
}
