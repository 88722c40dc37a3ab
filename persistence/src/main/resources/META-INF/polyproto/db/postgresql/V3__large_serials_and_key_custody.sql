-- polyproto-jakarta schema, version 3: ID-Cert serials of any size up to 20 octets (polyproto allows 1-20, they
-- were BIGINT), and the server-key custody's per-installation KDF salt (p2_key_custody) and the AAD version of each
-- stored key (custody_version: 1 = written before version 3, re-encrypted under version 2 when first loaded).
ALTER TABLE p2_id_cert ALTER COLUMN serial TYPE NUMERIC(49,0);
ALTER TABLE p2_session ALTER COLUMN cert_serial TYPE NUMERIC(49,0);
ALTER TABLE p2_server_key ALTER COLUMN serial TYPE NUMERIC(49,0);
ALTER TABLE p2_server_key ADD COLUMN custody_version INTEGER DEFAULT 1 NOT NULL;
CREATE TABLE p2_key_custody (home_domain VARCHAR(253) NOT NULL, kdf_salt VARCHAR(64) NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (home_domain));
