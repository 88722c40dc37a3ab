-- polyproto-jakarta schema, version 2: MLS KeyPackages and the per-client event queues.
CREATE TABLE p2_key_package (id BIGINT NOT NULL, server_domain VARCHAR(253) NOT NULL, fid VARCHAR(320) NOT NULL, session_id VARCHAR(64) NOT NULL, digest CHAR(64) NOT NULL, last_resort BOOLEAN NOT NULL, key_package VARCHAR(16384) NOT NULL, uploaded_at BIGINT NOT NULL, PRIMARY KEY (id), CONSTRAINT p2_key_package_digest UNIQUE (server_domain, fid, session_id, digest));
CREATE INDEX p2_key_package_client ON p2_key_package (server_domain, fid, session_id, last_resort);
CREATE TABLE p2_event_cursor (client_key VARCHAR(700) NOT NULL, next_seq BIGINT NOT NULL, PRIMARY KEY (client_key));
CREATE TABLE p2_event (id BIGINT NOT NULL, client_key VARCHAR(700) NOT NULL, seq BIGINT NOT NULL, event_json VARCHAR(16384) NOT NULL, PRIMARY KEY (id), CONSTRAINT p2_event_client_seq UNIQUE (client_key, seq));
