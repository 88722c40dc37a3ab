-- polyproto-jakarta schema, version 10: whether a last-resort KeyPackage was handed out (KeyPackageStore 0.5). The
-- init key of a package that goes without having been handed out (replaced, its session ended or its ID-Cert changed)
-- is forgotten with it; only the init keys of handed-out packages stay in p2_init_key until they expire. Packages
-- stored before count as handed out.
ALTER TABLE p2_key_package ADD COLUMN handed_out BOOLEAN DEFAULT TRUE NOT NULL;
