package org.polyproto.jakarta.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One service an actor lists for discovery. */
@Entity
@Table(name = "p2_service")
public class ServiceEntity {

    @Id
    @Column(name = "id")
    public long id;

    @Column(name = "server_domain", length = 253, nullable = false)
    public String serverDomain;

    @Column(name = "fid", length = 320, nullable = false)
    public String fid;

    @Column(name = "service_name", length = 64, nullable = false)
    public String name;

    @Column(name = "url", length = 2048, nullable = false)
    public String url;

    /** SHA-256 of name, LF, URL: the unique key (a URL is too long for an index on every database). */
    @Column(name = "digest", length = 64, nullable = false)
    public String digest;

    @Column(name = "is_primary", nullable = false)
    public boolean primary;

    @Column(name = "list_order", nullable = false)
    public long listOrder;
}
