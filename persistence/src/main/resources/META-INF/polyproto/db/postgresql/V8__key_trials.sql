-- polyproto-jakarta schema, version 8: the key trials each actor of this server completed (KeyTrialStore, for
-- GET .p2/core/v1/keytrial/{fid}); a trial is a consumed challenge, so it is unique; times in epoch seconds,
-- signature the 64-byte Ed25519 signature in hex.
CREATE TABLE p2_key_trial (id BIGINT NOT NULL, server_domain VARCHAR(253) NOT NULL, fid VARCHAR(320) NOT NULL, trial VARCHAR(256) NOT NULL, expires BIGINT NOT NULL, signature CHAR(128) NOT NULL, serial NUMERIC(49,0) NOT NULL, completed_at BIGINT NOT NULL, PRIMARY KEY (id), CONSTRAINT p2_key_trial_trial UNIQUE (server_domain, trial));
CREATE INDEX p2_key_trial_actor ON p2_key_trial (server_domain, fid, completed_at);
