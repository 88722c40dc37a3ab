-- polyproto-jakarta schema, version 5: password attempts per actor since its last success, for the brute-force
-- defence of session/trust (LoginFailureStore); times in epoch seconds, locked_until 0 when never locked.
CREATE TABLE p2_login_failure (fid VARCHAR(320) NOT NULL, failures INTEGER NOT NULL, last_attempt BIGINT NOT NULL, locked_until BIGINT NOT NULL, PRIMARY KEY (fid));
CREATE INDEX p2_login_failure_last ON p2_login_failure (last_attempt);
