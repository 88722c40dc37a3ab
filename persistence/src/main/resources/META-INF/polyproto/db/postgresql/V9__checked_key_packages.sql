-- polyproto-jakarta schema, version 9: KeyPackages are checked RFC 9420 packages (KeyPackageStore 0.5). Packages
-- stored before were never checked, so they go. digest is now the SHA-256 of the package's init key; expires_at its
-- LeafNode's not_after (epoch seconds). p2_init_key holds every init key uploaded until its package expires, so that
-- none is accepted twice on any node.
DELETE FROM p2_key_package;
ALTER TABLE p2_key_package ADD COLUMN expires_at BIGINT NOT NULL;
CREATE INDEX p2_key_package_expiry ON p2_key_package (server_domain, expires_at);
CREATE TABLE p2_init_key (init_key_hash CHAR(64) NOT NULL, server_domain VARCHAR(253) NOT NULL, forget_after BIGINT NOT NULL, PRIMARY KEY (init_key_hash));
CREATE INDEX p2_init_key_expiry ON p2_init_key (server_domain, forget_after);
