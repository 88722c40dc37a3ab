package org.polyproto.jakarta.internal.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.IdCertFactory;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.cert.ParsedIdCert;
import org.polyproto.jakarta.internal.cert.PemCodec;
import org.polyproto.jakarta.internal.crypto.SignatureEncoding;
import org.polyproto.jakarta.internal.crypto.StrictEd25519;
import org.polyproto.jakarta.internal.mls.InvalidKeyPackageException;
import org.polyproto.jakarta.internal.mls.KeyPackageDecoder;
import org.polyproto.jakarta.internal.mls.KeyPackageRules;
import org.polyproto.jakarta.internal.mls.MalformedMlsException;
import org.polyproto.jakarta.testing.PolyprotoRsEncoding;
import org.polyproto.jakarta.testing.TestActor;
import org.polyproto.jakarta.testing.TestKeyPackage;

/**
 * Seeded mutation fuzzing of every parser that takes untrusted bytes: certificates, CSRs, PEM/base64 text,
 * signatures and MLS KeyPackages. Each input must either parse or be refused with a {@link PolyprotoException}; any other exception
 * would escape as a 500. The seed is printed on failure, so a finding can be replayed.
 */
class UntrustedInputFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 3000);

    private final Random random = new Random(SEED);

    @Test
    void certificatesNeverThrowAnythingButTheContractsErrors() {
        byte[] seed = StrictEd25519.generatePrivateKey(new java.security.SecureRandom());
        Instant now = Instant.now();
        byte[][] corpus = {
                IdCertFactory.serverCertificate(seed, "example.com", BigInteger.TEN, now, now.plusSeconds(60)),
                PolyprotoRsEncoding.fixedServerCertificate(),
                PolyprotoRsEncoding.fixedActorCertificate()};
        fuzz(corpus, der -> {
            ParsedIdCert cert = ParsedIdCert.parse(der);
            cert.isSignedBy(StrictEd25519.publicKey(seed));
            cert.requireActorProfile();
        });
    }

    @Test
    void csrsNeverThrowAnythingButTheContractsErrors() {
        byte[][] corpus = {
                TestActor.generate().csrDer(TestActor.subject("alice", "example.com", "s1")),
                PolyprotoRsEncoding.actorCsr(new byte[32], "flori", "polyphony.chat", "client1")};
        fuzz(corpus, ParsedCsr::parse);
    }

    @Test
    void textEncodingsNeverThrow() {
        byte[] pem = PemCodec.encode(PemCodec.CERTIFICATE, PolyprotoRsEncoding.fixedServerCertificate())
                .getBytes(StandardCharsets.US_ASCII);
        byte[] hexSignature = "0123456789abcdef".repeat(8).getBytes(StandardCharsets.US_ASCII);
        fuzz(new byte[][] {pem, hexSignature}, text -> {
            String s = new String(text, StandardCharsets.ISO_8859_1);
            PemCodec.decode(s);
            SignatureEncoding.decode(s);
        });
    }

    @Test
    void signatureVerificationNeverThrows() {
        byte[] key = StrictEd25519.generatePrivateKey(new java.security.SecureRandom());
        byte[] message = "challenge".getBytes(StandardCharsets.UTF_8);
        byte[] signature = StrictEd25519.sign(key, message);
        byte[] publicKey = StrictEd25519.publicKey(key);
        int accepted = 0;
        for (int i = 0; i < ROUNDS; i++) {
            byte[] mutated = mutate(signature);
            byte[] mutatedKey = random.nextInt(4) == 0 ? mutate(publicKey) : publicKey;
            try {
                if (StrictEd25519.verify(mutatedKey, message, mutated)) {
                    accepted++;
                }
            } catch (RuntimeException e) {
                fail("seed " + SEED + ": verify threw " + e);
            }
        }
        assertTrue(accepted < ROUNDS / 10, "a mutated signature almost never verifies: " + accepted);
    }

    @Test
    void keyPackagesNeverThrowAnythingButARefusalAndAMutantIsNeverKept() {
        TestActor key = TestActor.generate();
        String fid = "alice@example.com";
        Instant now = Instant.now();
        byte[] idCert = key.selfSignedCertificate(TestActor.subject("alice", "example.com", "s1"), false, 0x80,
                now.minusSeconds(60), now.plusSeconds(3600));
        KeyPackageRules rules = new KeyPackageRules(Duration.ofDays(100), Duration.ofSeconds(60));
        KeyPackageRules.Uploader uploader = new KeyPackageRules.Uploader(FederationId.parse(fid), idCert,
                key.publicKey());
        byte[][] corpus = {TestKeyPackage.of(key, fid).encode(), TestKeyPackage.of(key, fid).bare().encode(),
                TestKeyPackage.of(key, fid).x509Credential(idCert).lastResort().encode()};
        int[] kept = {0};
        fuzz(corpus, encoded -> {
            try {
                KeyPackageDecoder.decode(encoded);
            } catch (MalformedMlsException refused) {
                // a refusal with its reason
            }
            String base64 = Base64.getEncoder().encodeToString(encoded);
            try {
                rules.check(base64, uploader, now);
                kept[0] += java.util.Arrays.stream(corpus).anyMatch(c -> java.util.Arrays.equals(c, encoded)) ? 0 : 1;
            } catch (InvalidKeyPackageException refused) {
                // a refusal with its reason
            }
        });
        assertEquals(0, kept[0], "mutants that passed every rule");
    }

    private void fuzz(byte[][] corpus, Consumer<byte[]> parser) {
        for (int i = 0; i < ROUNDS; i++) {
            byte[] input = mutate(corpus[random.nextInt(corpus.length)]);
            try {
                parser.accept(input);
            } catch (PolyprotoException expected) {
                // a refusal in the contract's terms
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail("seed " + SEED + ", round " + i + ": " + e + " for input "
                        + java.util.HexFormat.of().formatHex(input));
            }
        }
    }

    /** Bit flips, byte replacements, truncation, duplication and insertion of ASN.1-ish bytes. */
    private byte[] mutate(byte[] original) {
        byte[] data = original.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && data.length > 0; m++) {
            switch (random.nextInt(6)) {
                case 0 -> data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> data[random.nextInt(data.length)] = (byte) random.nextInt(256);
                case 2 -> data = java.util.Arrays.copyOf(data, random.nextInt(data.length));
                case 3 -> {
                    int at = random.nextInt(data.length);
                    byte[] longer = new byte[data.length + 1];
                    System.arraycopy(data, 0, longer, 0, at);
                    longer[at] = (byte) new int[] {0x30, 0x02, 0x03, 0x04, 0x80, 0x81, 0x82, 0xff, 0x00}
                            [random.nextInt(9)];
                    System.arraycopy(data, at, longer, at + 1, data.length - at);
                    data = longer;
                }
                case 4 -> {
                    int from = random.nextInt(data.length);
                    int len = Math.min(data.length - from, 1 + random.nextInt(16));
                    byte[] longer = java.util.Arrays.copyOf(data, data.length + len);
                    System.arraycopy(data, from, longer, data.length, len);
                    data = longer;
                }
                default -> {
                    if (data.length > 1) {
                        data[1] = (byte) (0x80 | random.nextInt(8));
                    }
                }
            }
        }
        return data;
    }
}
