package org.polyproto.jakarta.it;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.polyproto.jakarta.persistence.PolyprotoStorage;

/**
 * Test-only host resource, added to the test deployments: it reads (and, for seeding, writes) the real database
 * through the module's EntityManager, so that a test can show what a request persisted, and it can hold pool
 * connections to exhaust the pool.
 * <p>
 * Every read runs in a global transaction: outside one, Open Liberty keeps a used connection in the request's local
 * transaction containment until the request has ended, after the client already has the answer, so the next
 * request could find it still taken.
 */
@Path("test-probe")
@RequestScoped
@Transactional
public class ProbeResource {

    /** Released by {@link #releaseConnections}, or after the hold's time, whichever comes first. */
    private static volatile java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(0);

    static final String[] TABLES = {"p2_actor", "p2_id_cert", "p2_challenge", "p2_session", "p2_server_key",
            "p2_key_package", "p2_init_key", "p2_event", "p2_broadcast", "p2_key_material", "p2_service",
            "p2_key_trial"};

    @Inject
    @PolyprotoStorage
    EntityManager em;
    @Inject
    org.polyproto.jakarta.internal.service.ServerKeys serverKeys;
    @Inject
    Instance<StoredElsewhere> elsewhere;

    /**
     * What a test host keeps outside the module's tables, counted as the module table it stands in for (its users
     * as {@code p2_actor}, its in-memory sessions as {@code p2_session}), so that "nothing was stored" means the same
     * on every host.
     */
    public interface StoredElsewhere {
        /** Row counts by the module table they replace. */
        Map<String, Long> counts();

        /** Rows of one actor, by the module table they replace; empty for tables this host does not replace. */
        default Map<String, Long> rowsOf(String table, String fid) {
            return Map.of();
        }
    }

    @GET
    @Path("counts")
    @Produces(MediaType.APPLICATION_JSON)
    public String counts() {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        for (String table : TABLES) {
            Number n = (Number) em.createNativeQuery("select count(*) from " + table).getSingleResult();
            counts.add(table, n.longValue());
        }
        elsewhere.forEach(host -> host.counts().forEach((table, n) -> counts.add(table, n.longValue())));
        return counts.build().toString();
    }

    /** Rows of one actor in {@code p2_session} or {@code p2_id_cert}, optionally of one session ID. */
    @GET
    @Path("rows/{table}/{fid}")
    public String rowsOf(@PathParam("table") String table, @PathParam("fid") String fid,
                         @QueryParam("session_id") String sessionId) {
        if (!List.of("p2_session", "p2_id_cert").contains(table)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        for (StoredElsewhere host : elsewhere) {
            Long rows = host.rowsOf(table, fid).get(table);
            if (rows != null && sessionId == null) {
                return Long.toString(rows);
            }
        }
        var query = em.createNativeQuery("select count(*) from " + table + " where fid = ?1"
                + (sessionId == null ? "" : " and session_id = ?2")).setParameter(1, fid);
        if (sessionId != null) {
            query.setParameter(2, sessionId);
        }
        return Long.toString(((Number) query.getSingleResult()).longValue());
    }

    /** Whether {@code p2_challenge} records this challenge as used. */
    @GET
    @Path("used-challenge/{challenge}")
    public String usedChallenge(@PathParam("challenge") String challenge) {
        return Boolean.toString(((Number) em.createNativeQuery("select count(*) from p2_challenge where challenge = ?1")
                .setParameter(1, challenge).getSingleResult()).longValue() == 1);
    }

    /**
     * Rows of the actors whose names start with {@code prefix} that point at nothing: sessions without their
     * certificate, certificates without their actor. (Other tests' foreign actors have sessions whose certificates
     * live on their home server, so the check is scoped.)
     */
    @GET
    @Path("orphans")
    public String orphans(@QueryParam("prefix") String prefix) {
        Number sessions = (Number) em.createNativeQuery("select count(*) from p2_session s where s.fid like ?1"
                + " and not exists (select 1 from p2_id_cert c where c.serial = s.cert_serial)")
                .setParameter(1, prefix + "%").getSingleResult();
        Number certs = (Number) em.createNativeQuery("select count(*) from p2_id_cert c where c.fid like ?1"
                + " and not exists (select 1 from p2_actor a where a.fid = c.fid)")
                .setParameter(1, prefix + "%").getSingleResult();
        return Long.toString(sessions.longValue() + certs.longValue());
    }

    @GET
    @Path("password-hash/{fid}")
    @Produces(MediaType.TEXT_PLAIN)
    public String passwordHash(@PathParam("fid") String fid) {
        Object hash = em.createNativeQuery("select password_hash from p2_actor where fid = ?1").setParameter(1, fid)
                .getSingleResult();
        return String.valueOf(hash);
    }

    @GET
    @Path("session-hashes")
    @Produces(MediaType.APPLICATION_JSON)
    public String sessionHashes() {
        JsonArrayBuilder hashes = Json.createArrayBuilder();
        for (Object hash : em.createNativeQuery("select token_hash from p2_session").getResultList()) {
            hashes.add(hash.toString().trim());
        }
        return hashes.build().toString();
    }

    /** {@code count} ID-Cert rows for one actor and its session IDs {@code seed-<i>}, valid for a day. */
    @POST
    @Path("seed-certs/{fid}")
    @Transactional
    public String seedCertificates(@PathParam("fid") String fid, @QueryParam("count") int count,
                                   @QueryParam("pem") String pem) {
        long now = System.currentTimeMillis() / 1000;
        long serial = (long) (Math.random() * 1e15) + 1_000_000_000_000_000L;
        for (int i = 0; i < count; i++) {
            em.createNativeQuery("insert into p2_id_cert (serial, fid, session_id, pem, not_before, not_after) "
                    + "values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, serial + i).setParameter(2, fid)
                    .setParameter(3, "seed-" + i).setParameter(4, pem).setParameter(5, now - 60)
                    .setParameter(6, now + 86_400).executeUpdate();
        }
        return Integer.toString(count);
    }

    /**
     * Takes {@code count} connections from the module's pool, each on its own thread (so that no two share one
     * connection), and gives them back after {@code millis}. Answers how many it got.
     */
    @POST
    @Path("hold-connections")
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public String holdConnections(@QueryParam("count") int count, @QueryParam("millis") long millis)
            throws Exception {
        DataSource dataSource = dataSource();
        java.util.concurrent.CountDownLatch taken = new java.util.concurrent.CountDownLatch(count);
        java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        release = released;
        java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < count; i++) {
            Thread holder = new Thread(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    held.incrementAndGet();
                    taken.countDown();
                    released.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    taken.countDown();
                }
            }, "test-probe-connection-holder");
            holder.setDaemon(true);
            holder.start();
        }
        taken.await(30, java.util.concurrent.TimeUnit.SECONDS);
        return Integer.toString(held.get());
    }

    /** Gives back the connections of the last hold at once. */
    @POST
    @Path("release-connections")
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public String releaseConnections() {
        release.countDown();
        return "released";
    }

    /**
     * Plays an attacker who holds the server's signing key (security review L6): the ID-Cert in {@code pem} again,
     * same issuer, serial, subject, validity and extensions, but for the raw Ed25519 key {@code key} (URL-safe
     * Base64), signed with the server's current key.
     */
    @POST
    @Path("forge-idcert")
    @Produces(MediaType.TEXT_PLAIN)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public String forgeIdCert(@QueryParam("key") String key, String pem) throws Exception {
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        var original = new org.bouncycastle.cert.X509CertificateHolder(der);
        var ed25519 = new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                org.bouncycastle.asn1.edec.EdECObjectIdentifiers.id_Ed25519);
        var forged = new org.bouncycastle.cert.X509v3CertificateBuilder(original.getIssuer(),
                original.getSerialNumber(), original.getNotBefore(), original.getNotAfter(), original.getSubject(),
                new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(ed25519,
                        java.util.Base64.getUrlDecoder().decode(key)));
        for (Object oid : original.getExtensionOIDs()) {
            forged.copyAndAddExtension((org.bouncycastle.asn1.ASN1ObjectIdentifier) oid, true, original);
        }
        var signer = new org.bouncycastle.crypto.signers.Ed25519Signer();
        signer.init(true, new org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters(
                serverKeys.current().privateKeySeed()));
        var buffer = new java.io.ByteArrayOutputStream();
        byte[] cert = forged.build(new org.bouncycastle.operator.ContentSigner() {
            @Override
            public org.bouncycastle.asn1.x509.AlgorithmIdentifier getAlgorithmIdentifier() {
                return ed25519;
            }

            @Override
            public java.io.OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public byte[] getSignature() {
                byte[] tbs = buffer.toByteArray();
                signer.update(tbs, 0, tbs.length);
                return signer.generateSignature();
            }
        }).getEncoded();
        return java.util.Base64.getEncoder().encodeToString(cert);
    }

    /** Creates a host table from {@code ddl} unless it exists, outside any transaction (DDL commits on MariaDB). */
    @POST
    @Path("host-table")
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public String hostTable(String ddl) throws Exception {
        try (Connection c = dataSource().getConnection(); java.sql.Statement statement = c.createStatement()) {
            statement.execute(ddl);
            return "created";
        } catch (java.sql.SQLException exists) {
            return "exists";
        }
    }

    /** The first column of a one-row host query, e.g. a user's stored hash; 404 when there is no row. */
    @GET
    @Path("host-value")
    @Produces(MediaType.TEXT_PLAIN)
    public String hostValue(@QueryParam("sql") String sql, @QueryParam("arg") String arg) {
        var query = em.createNativeQuery(sql);
        if (arg != null) {
            query.setParameter(1, arg);
        }
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return String.valueOf(rows.get(0));
    }

    /**
     * Open Liberty's account of the module's pool ({@code ConnectionManagerMBean.showPoolContents}): every connection
     * in use with the thread and transaction that hold it. Empty on servers without that MBean.
     */
    @GET
    @Path("pool-contents")
    @Produces(MediaType.TEXT_PLAIN)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public String poolContents() throws Exception {
        javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        StringBuilder contents = new StringBuilder();
        for (javax.management.ObjectName name : server.queryNames(new javax.management.ObjectName(
                "WebSphere:type=com.ibm.ws.jca.cm.mbean.ConnectionManagerMBean,*"), null)) {
            contents.append(server.invoke(name, "showPoolContents", null, null)).append('\n');
        }
        return contents.toString();
    }

    private static DataSource dataSource() throws NamingException {
        InitialContext context = new InitialContext();
        try {
            return (DataSource) context.lookup("jdbc/polyprotoDS");
        } catch (NamingException liberty) {
            return (DataSource) context.lookup("java:/jdbc/polyprotoDS");
        }
    }
}
