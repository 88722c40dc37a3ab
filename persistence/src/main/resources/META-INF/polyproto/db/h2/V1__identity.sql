-- polyproto-jakarta schema, version 1: actors, their ID-Certs, challenges, sessions and the server's keys.
-- Times are UNIX seconds. server_domain / home_domain scope rows to one deployment, so deployments for several
-- domains can share a schema. Applied by Flyway (history table p2_schema_history), or by the host's own tooling.
CREATE TABLE p2_actor (fid VARCHAR(320) NOT NULL, password_hash VARCHAR(256), registered_at BIGINT NOT NULL, PRIMARY KEY (fid));
CREATE TABLE p2_id_cert (serial BIGINT NOT NULL, fid VARCHAR(320) NOT NULL, session_id VARCHAR(64) NOT NULL, pem VARCHAR(8192) NOT NULL, not_before BIGINT NOT NULL, not_after BIGINT NOT NULL, invalidated_at BIGINT, PRIMARY KEY (serial));
CREATE INDEX p2_id_cert_fid_session ON p2_id_cert (fid, session_id);
CREATE TABLE p2_challenge (challenge VARCHAR(256) NOT NULL, server_domain VARCHAR(253) NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (challenge));
CREATE INDEX p2_challenge_expires ON p2_challenge (expires_at);
CREATE TABLE p2_session (token_hash CHAR(64) NOT NULL, server_domain VARCHAR(253) NOT NULL, fid VARCHAR(320) NOT NULL, session_id VARCHAR(64) NOT NULL, cert_serial BIGINT NOT NULL, cert_pem VARCHAR(8192) NOT NULL, opened_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (token_hash), CONSTRAINT p2_session_fid_session UNIQUE (server_domain, fid, session_id));
CREATE INDEX p2_session_expires ON p2_session (expires_at);
CREATE INDEX p2_session_fid ON p2_session (fid);
CREATE TABLE p2_server_key (serial BIGINT NOT NULL, home_domain VARCHAR(253) NOT NULL, generation INTEGER NOT NULL, certificate_pem VARCHAR(8192) NOT NULL, private_key VARCHAR(512) NOT NULL, not_before BIGINT NOT NULL, not_after BIGINT NOT NULL, retired_at BIGINT, PRIMARY KEY (serial), CONSTRAINT p2_server_key_generation UNIQUE (home_domain, generation));
