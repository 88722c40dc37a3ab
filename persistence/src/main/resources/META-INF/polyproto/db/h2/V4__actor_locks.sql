-- polyproto-jakarta schema, version 4: one row per actor that work on its sessions and ID-Certs takes turns on
-- (SessionStore.lockActor), whoever the actor's directory is; created on first use.
CREATE TABLE p2_actor_lock (fid VARCHAR(320) NOT NULL, PRIMARY KEY (fid));
