package org.polyproto.jakarta.it.traps;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity of the host's own persistence unit. */
@Entity
@Table(name = "host_note")
public class HostNote {

    @Id
    public long id;

    public String body;
}
