-- polyproto-jakarta schema version 1: actors, ID-Certs, challenges, sessions, server keys, KeyPackages, events.
-- One statement per line; times are UNIX seconds; portable across H2, PostgreSQL and MariaDB.
-- server_domain / home_domain scope rows to one deployment, so deployments for several domains can share a schema.
CREATE TABLE IF NOT EXISTS p2_actor (fid VARCHAR(320) NOT NULL, password_hash VARCHAR(256), registered_at BIGINT NOT NULL, PRIMARY KEY (fid));
CREATE TABLE IF NOT EXISTS p2_id_cert (serial BIGINT NOT NULL, fid VARCHAR(320) NOT NULL, session_id VARCHAR(64) NOT NULL, pem VARCHAR(8192) NOT NULL, not_before BIGINT NOT NULL, not_after BIGINT NOT NULL, invalidated_at BIGINT, PRIMARY KEY (serial));
CREATE INDEX IF NOT EXISTS p2_id_cert_fid_session ON p2_id_cert (fid, session_id);
CREATE TABLE IF NOT EXISTS p2_challenge (challenge VARCHAR(256) NOT NULL, server_domain VARCHAR(253) NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (challenge));
CREATE INDEX IF NOT EXISTS p2_challenge_expires ON p2_challenge (expires_at);
CREATE TABLE IF NOT EXISTS p2_session (token_hash CHAR(64) NOT NULL, server_domain VARCHAR(253) NOT NULL, fid VARCHAR(320) NOT NULL, session_id VARCHAR(64) NOT NULL, cert_serial BIGINT NOT NULL, cert_pem VARCHAR(8192) NOT NULL, opened_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (token_hash), CONSTRAINT p2_session_fid_session UNIQUE (server_domain, fid, session_id));
CREATE INDEX IF NOT EXISTS p2_session_expires ON p2_session (expires_at);
CREATE INDEX IF NOT EXISTS p2_session_fid ON p2_session (fid);
CREATE TABLE IF NOT EXISTS p2_server_key (serial BIGINT NOT NULL, home_domain VARCHAR(253) NOT NULL, generation INTEGER NOT NULL, certificate_pem VARCHAR(8192) NOT NULL, private_key VARCHAR(512) NOT NULL, not_before BIGINT NOT NULL, not_after BIGINT NOT NULL, retired_at BIGINT, PRIMARY KEY (serial), CONSTRAINT p2_server_key_generation UNIQUE (home_domain, generation));
CREATE TABLE IF NOT EXISTS p2_key_package (id BIGINT NOT NULL, server_domain VARCHAR(253) NOT NULL, fid VARCHAR(320) NOT NULL, session_id VARCHAR(64) NOT NULL, digest CHAR(64) NOT NULL, last_resort BOOLEAN NOT NULL, key_package VARCHAR(16384) NOT NULL, uploaded_at BIGINT NOT NULL, PRIMARY KEY (id), CONSTRAINT p2_key_package_digest UNIQUE (server_domain, fid, session_id, digest));
CREATE INDEX IF NOT EXISTS p2_key_package_client ON p2_key_package (server_domain, fid, session_id, last_resort);
CREATE TABLE IF NOT EXISTS p2_event_cursor (client_key VARCHAR(700) NOT NULL, next_seq BIGINT NOT NULL, PRIMARY KEY (client_key));
CREATE TABLE IF NOT EXISTS p2_event (id BIGINT NOT NULL, client_key VARCHAR(700) NOT NULL, seq BIGINT NOT NULL, event_json VARCHAR(16384) NOT NULL, PRIMARY KEY (id), CONSTRAINT p2_event_client_seq UNIQUE (client_key, seq));
