-- polyproto-jakarta schema, version 6: an event for every open session of a domain's actors (SERVER_KEY_CHANGE) is
-- stored once, numbered per server domain, and each client's cursor remembers the last broadcast it was given.
CREATE TABLE p2_broadcast (server_domain VARCHAR(253) NOT NULL, seq BIGINT NOT NULL, created_at BIGINT NOT NULL, event_json VARCHAR(16384) NOT NULL, PRIMARY KEY (server_domain, seq));
CREATE INDEX p2_broadcast_created ON p2_broadcast (created_at);
ALTER TABLE p2_event_cursor ADD COLUMN broadcast_seen BIGINT DEFAULT 0 NOT NULL;
