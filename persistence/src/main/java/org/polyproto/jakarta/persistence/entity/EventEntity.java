package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "p2_event")
public class EventEntity {

    @Id
    @Column(name = "id")
    public long id;

    @Column(name = "client_key", length = 700, nullable = false)
    public String clientKey;

    @Column(name = "seq", nullable = false)
    public long seq;

    /** The event without its sequence number: {@code {"n", "op", "t", "d"}}. */
    @Column(name = "event_json", length = 16384, nullable = false)
    public String eventJson;
}
