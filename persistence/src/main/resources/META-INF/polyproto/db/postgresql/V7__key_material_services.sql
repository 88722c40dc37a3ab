-- polyproto-jakarta schema, version 7: the /.p2/core/v1 profile's per-actor data. Encrypted private key material
-- (KeyMaterialStore), one item per actor and ID-Cert serial; the services each actor lists for discovery
-- (ServiceStore), one entry per actor, name and URL (digest = SHA-256 of name, LF, URL), list_order = order added.
CREATE TABLE p2_key_material (id BIGINT NOT NULL, server_domain VARCHAR(253) NOT NULL, fid VARCHAR(320) NOT NULL, serial NUMERIC(49,0) NOT NULL, key_data VARCHAR(16384) NOT NULL, stored_at BIGINT NOT NULL, PRIMARY KEY (id), CONSTRAINT p2_key_material_serial UNIQUE (server_domain, fid, serial));
CREATE TABLE p2_service (id BIGINT NOT NULL, server_domain VARCHAR(253) NOT NULL, fid VARCHAR(320) NOT NULL, service_name VARCHAR(64) NOT NULL, url VARCHAR(2048) NOT NULL, digest CHAR(64) NOT NULL, is_primary BOOLEAN NOT NULL, list_order BIGINT NOT NULL, PRIMARY KEY (id), CONSTRAINT p2_service_entry UNIQUE (server_domain, fid, digest));
CREATE INDEX p2_service_actor ON p2_service (server_domain, fid, service_name);
