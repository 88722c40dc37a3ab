-- Bulk actors for the scale comparison of the performance run (PostgreSQL, psql -v count=N -v domain=D):
-- actors bulk-1..N, each with one ID-Cert row and one session row, so that every table the lookups touch grows.
-- Idempotent: running it again with a larger count adds the missing ones.
INSERT INTO p2_actor (fid, password_hash, registered_at)
SELECT 'bulk-' || g || '@' || :'domain', NULL, 0 FROM generate_series(1, :count) g
ON CONFLICT DO NOTHING;
INSERT INTO p2_id_cert (serial, fid, session_id, pem, not_before, not_after)
SELECT 8000000000000000000 + g, 'bulk-' || g || '@' || :'domain', 's1', 'bulk', 0, 4102444800
FROM generate_series(1, :count) g
ON CONFLICT DO NOTHING;
INSERT INTO p2_session (token_hash, server_domain, fid, session_id, cert_serial, cert_pem, opened_at, expires_at)
SELECT md5(g::text) || md5('t' || g), :'domain', 'bulk-' || g || '@' || :'domain', 's1', 8000000000000000000 + g,
       'bulk', 0, 4102444800
FROM generate_series(1, :count) g
ON CONFLICT DO NOTHING;
ANALYZE p2_actor;
ANALYZE p2_id_cert;
ANALYZE p2_session;
