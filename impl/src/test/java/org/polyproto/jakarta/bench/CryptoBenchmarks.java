package org.polyproto.jakarta.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.polyproto.jakarta.internal.cert.IdCertFactory;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PolyprotoNames;
import org.polyproto.jakarta.internal.crypto.Bulkhead;
import org.polyproto.jakarta.internal.crypto.ChallengeStrings;
import org.polyproto.jakarta.internal.crypto.PasswordHasher;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.internal.crypto.Tokens;
import org.polyproto.jakarta.testing.TestActor;

/**
 * The hot paths of identify and registration, without HTTP or a database. {@link #identifyCryptoCeiling} is all the
 * cryptography one identify does: the ceiling the HTTP benchmark is compared with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CryptoBenchmarks {

    private final SecureRandom random = new SecureRandom();
    private byte[] serverPublicKey;
    private byte[] actorCert;
    private byte[] actorPublicKey;
    private byte[] challenge;
    private byte[] challengeSignature;
    private String token;
    private PasswordHasher hasher;
    private PublicKey jdkActorKey;

    @Setup
    public void setUp() throws Exception {
        byte[] serverKey = StrictEd25519.generatePrivateKey(random);
        serverPublicKey = StrictEd25519.publicKey(serverKey);
        TestActor actor = TestActor.generate();
        actorPublicKey = actor.publicKey();
        Instant now = Instant.now();
        actorCert = IdCertFactory.actorCertificate(ParsedCsr.parse(actor.csrDer(TestActor.subject("alice",
                        "example.com", "s1"))), serverKey, PolyprotoNames.serverName("example.com"), BigInteger.TEN,
                now.minusSeconds(60), now.plusSeconds(3600));
        challenge = ChallengeStrings.issue(now.getEpochSecond() + 300, random, data -> new byte[32])
                .getBytes(StandardCharsets.UTF_8);
        challengeSignature = actor.sign(challenge);
        token = Tokens.newToken(random);
        hasher = new PasswordHasher(random, new Bulkhead(Runtime.getRuntime().availableProcessors(),
                Duration.ofSeconds(2)));
        jdkActorKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                org.bouncycastle.asn1.x509.Certificate.getInstance(actorCert).getSubjectPublicKeyInfo().getEncoded()));
    }

    @Benchmark
    public boolean idCertParseAndVerify() {
        ParsedIdCert cert = ParsedIdCert.parse(actorCert);
        cert.requireActorProfile();
        return cert.isSignedBy(serverPublicKey);
    }

    @Benchmark
    public boolean challengeSignatureVerify() {
        return StrictEd25519.verify(actorPublicKey, challenge, challengeSignature);
    }

    @Benchmark
    public boolean challengeSignatureVerifyJdk() throws Exception {
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkActorKey);
        jdk.update(challenge);
        return jdk.verify(challengeSignature);
    }

    /**
     * Warmed up longer and measured longer than the others, in two forks: on one pinned core C2 needs 20 to 40 s
     * before this figure settles, and one fork's compilation measured 3,300 to 5,800/s on the same machine.
     */
    @Benchmark
    @Fork(2)
    @Warmup(iterations = 20, time = 2)
    @Measurement(iterations = 10, time = 2)
    public boolean identifyCryptoCeiling() {
        ParsedIdCert cert = ParsedIdCert.parse(actorCert);
        cert.requireActorProfile();
        return cert.isSignedBy(serverPublicKey) && StrictEd25519.verify(cert.publicKey(), challenge,
                challengeSignature);
    }

    @Benchmark
    public String tokenIssue() {
        return Tokens.hash(Tokens.newToken(random));
    }

    @Benchmark
    public String tokenLookupHash() {
        return Tokens.hash(token);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 3)
    public String passwordHash() {
        return hasher.hash("correct horse battery");
    }
}
