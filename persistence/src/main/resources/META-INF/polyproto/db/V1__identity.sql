-- polyproto-jakarta schema version 1: actors, ID-Certs, challenges, sessions, server keys.
-- One statement per line; times are UNIX seconds; portable across H2, PostgreSQL and MariaDB.
CREATE TABLE IF NOT EXISTS p2_actor (fid VARCHAR(320) NOT NULL, password_hash VARCHAR(256), registered_at BIGINT NOT NULL, PRIMARY KEY (fid));
CREATE TABLE IF NOT EXISTS p2_id_cert (serial BIGINT NOT NULL, fid VARCHAR(320) NOT NULL, session_id VARCHAR(64) NOT NULL, pem VARCHAR(8192) NOT NULL, not_before BIGINT NOT NULL, not_after BIGINT NOT NULL, invalidated_at BIGINT, PRIMARY KEY (serial));
CREATE INDEX IF NOT EXISTS p2_id_cert_fid_session ON p2_id_cert (fid, session_id);
CREATE TABLE IF NOT EXISTS p2_challenge (challenge VARCHAR(256) NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (challenge));
CREATE INDEX IF NOT EXISTS p2_challenge_expires ON p2_challenge (expires_at);
CREATE TABLE IF NOT EXISTS p2_session (token_hash CHAR(64) NOT NULL, fid VARCHAR(320) NOT NULL, session_id VARCHAR(64) NOT NULL, cert_serial BIGINT NOT NULL, cert_pem VARCHAR(8192) NOT NULL, opened_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (token_hash), CONSTRAINT p2_session_fid_session UNIQUE (fid, session_id));
CREATE INDEX IF NOT EXISTS p2_session_expires ON p2_session (expires_at);
CREATE TABLE IF NOT EXISTS p2_server_key (serial BIGINT NOT NULL, home_domain VARCHAR(253) NOT NULL, generation INTEGER NOT NULL, certificate_pem VARCHAR(8192) NOT NULL, private_key VARCHAR(512) NOT NULL, not_before BIGINT NOT NULL, not_after BIGINT NOT NULL, retired_at BIGINT, PRIMARY KEY (serial), CONSTRAINT p2_server_key_generation UNIQUE (home_domain, generation));
