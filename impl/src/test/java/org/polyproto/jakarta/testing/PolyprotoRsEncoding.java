package org.polyproto.jakarta.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Certificates and CSRs byte for byte as polyproto-rs (x509-cert, der crates) writes them, built TLV by TLV so that
 * none of BouncyCastle's DER normalisation applies: KeyUsage with the unused-bits count set to the number of
 * leading zero bits ({@code 03 02 05 04} for keyCertSign), BasicConstraints with an explicit {@code cA FALSE} and
 * an 8-byte pathLen, capabilities in the CSR as attributes typed with the extension OIDs, and the DN in the reverse
 * order of its RFC 4514 string with UTF8String values (IA5String for DC).
 */
public final class PolyprotoRsEncoding {

    private static final byte[] ED25519 = seq(oid("1.3.101.112"));
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    /** digitalSignature: 0x80, no leading zero bits. */
    public static final byte[] KEY_USAGE_ACTOR = {0x03, 0x02, 0x00, (byte) 0x80};
    /** keyCertSign: 0x04 has five leading zero bits, written as five "unused" bits. */
    public static final byte[] KEY_USAGE_HOME_SERVER = {0x03, 0x02, 0x05, 0x04};

    /** A fixed home server of {@code pprs.test}, so that a test and a test server agree on its certificates. */
    public static final String FIXED_DOMAIN = "pprs.test";
    public static final byte[] FIXED_SERVER_SEED = new byte[32];
    public static final byte[] FIXED_ACTOR_SEED = new byte[32];
    public static final Instant FIXED_NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant FIXED_NOT_AFTER = Instant.parse("2030-01-01T00:00:00Z");

    static {
        java.util.Arrays.fill(FIXED_SERVER_SEED, (byte) 7);
        java.util.Arrays.fill(FIXED_ACTOR_SEED, (byte) 9);
    }

    private PolyprotoRsEncoding() {
    }

    /** The fixed home server's certificate. */
    public static byte[] fixedServerCertificate() {
        return serverCertificate(FIXED_SERVER_SEED, FIXED_DOMAIN, BigInteger.valueOf(1001), FIXED_NOT_BEFORE,
                FIXED_NOT_AFTER);
    }

    /** The certificate of {@code flori@pprs.test}, session {@code client1}, issued by the fixed home server. */
    public static byte[] fixedActorCertificate() {
        return actorCertificate(FIXED_SERVER_SEED, FIXED_ACTOR_SEED, "flori", FIXED_DOMAIN, "client1",
                BigInteger.valueOf(2002), FIXED_NOT_BEFORE.plusSeconds(60), FIXED_NOT_AFTER.minusSeconds(60));
    }

    /** A home server's self-signed certificate (cA TRUE, pathLen 1 as pp-rs's default, keyCertSign). */
    public static byte[] serverCertificate(byte[] seed, String domain, BigInteger serial, Instant notBefore,
                                           Instant notAfter) {
        byte[] name = serverName(domain);
        byte[] extensions = extensions(basicConstraints(true, 1), KEY_USAGE_HOME_SERVER);
        return certificate(seed, name, serial, notBefore, notAfter, name, publicKey(seed), extensions);
    }

    /** An actor's certificate issued by {@code serverSeed} (explicit cA FALSE, 8-byte pathLen 0, digitalSignature). */
    public static byte[] actorCertificate(byte[] serverSeed, byte[] actorSeed, String localName, String domain,
                                          String sessionId, BigInteger serial, Instant notBefore, Instant notAfter) {
        byte[] extensions = extensions(basicConstraints(false, 0), KEY_USAGE_ACTOR);
        return certificate(serverSeed, serverName(domain), serial, notBefore, notAfter,
                actorName(localName, domain, sessionId), publicKey(actorSeed), extensions);
    }

    /** An actor's CSR with capabilities as attributes typed 2.5.29.15 and 2.5.29.19. */
    public static byte[] actorCsr(byte[] actorSeed, String localName, String domain, String sessionId) {
        byte[] attributes = tlv(0xa0,
                seq(oid(KEY_USAGE), tlv(0x31, KEY_USAGE_ACTOR)),
                seq(oid(BASIC_CONSTRAINTS), tlv(0x31, basicConstraints(false, 0))));
        byte[] info = seq(new byte[] {0x02, 0x01, 0x00}, actorName(localName, domain, sessionId), spki(publicKey(
                actorSeed)), attributes);
        return seq(info, ED25519, signature(actorSeed, info));
    }

    public static byte[] publicKey(byte[] seed) {
        return new Ed25519PrivateKeyParameters(seed).generatePublicKey().getEncoded();
    }

    private static byte[] certificate(byte[] signerSeed, byte[] issuer, BigInteger serial, Instant notBefore,
                                      Instant notAfter, byte[] subject, byte[] subjectKey, byte[] extensions) {
        byte[] tbs = seq(tlv(0xa0, new byte[] {0x02, 0x01, 0x02}), tlv(0x02, serial.toByteArray()), ED25519, issuer,
                seq(utcTime(notBefore), utcTime(notAfter)), subject, spki(subjectKey), tlv(0xa3, extensions));
        return seq(tbs, ED25519, signature(signerSeed, tbs));
    }

    private static byte[] extensions(byte[] basicConstraints, byte[] keyUsage) {
        byte[] critical = {0x01, 0x01, (byte) 0xff};
        return seq(seq(oid(BASIC_CONSTRAINTS), critical, tlv(0x04, basicConstraints)),
                seq(oid(KEY_USAGE), critical, tlv(0x04, keyUsage)));
    }

    /** SEQUENCE { BOOLEAN ca, INTEGER pathLen as 8 big-endian bytes }. */
    private static byte[] basicConstraints(boolean ca, long pathLen) {
        byte[] integer = new byte[10];
        integer[0] = 0x02;
        integer[1] = 0x08;
        for (int i = 0; i < 8; i++) {
            integer[2 + i] = (byte) (pathLen >>> (8 * (7 - i)));
        }
        return seq(new byte[] {0x01, 0x01, (byte) (ca ? 0xff : 0x00)}, integer);
    }

    private static byte[] serverName(String domain) {
        String[] labels = domain.split("\\.");
        byte[][] rdns = new byte[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            rdns[i] = rdn("0.9.2342.19200300.100.1.25", ia5(labels[labels.length - 1 - i]));
        }
        return seq(rdns);
    }

    /** From "CN=l,DC=..,UID=l@d,uniqueIdentifier=s", reversed: uniqueIdentifier, UID, DCs (TLD first), CN. */
    private static byte[] actorName(String localName, String domain, String sessionId) {
        String[] labels = domain.split("\\.");
        byte[][] rdns = new byte[labels.length + 3][];
        int i = 0;
        rdns[i++] = rdn("0.9.2342.19200300.100.1.44", utf8(sessionId));
        rdns[i++] = rdn("0.9.2342.19200300.100.1.1", utf8(localName + "@" + domain));
        for (int l = labels.length - 1; l >= 0; l--) {
            rdns[i++] = rdn("0.9.2342.19200300.100.1.25", ia5(labels[l]));
        }
        rdns[i] = rdn("2.5.4.3", utf8(localName));
        return seq(rdns);
    }

    private static byte[] rdn(String type, byte[] value) {
        return tlv(0x31, seq(oid(type), value));
    }

    private static byte[] spki(byte[] key) {
        byte[] bits = new byte[key.length + 1];
        System.arraycopy(key, 0, bits, 1, key.length);
        return seq(ED25519, tlv(0x03, bits));
    }

    private static byte[] signature(byte[] seed, byte[] signed) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(seed));
        signer.update(signed, 0, signed.length);
        byte[] sig = signer.generateSignature();
        byte[] bits = new byte[sig.length + 1];
        System.arraycopy(sig, 0, bits, 1, sig.length);
        return tlv(0x03, bits);
    }

    private static byte[] utcTime(Instant t) {
        return tlv(0x17, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(t)
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(String oid) {
        return encoded(new ASN1ObjectIdentifier(oid));
    }

    private static byte[] utf8(String s) {
        return encoded(new DERUTF8String(s));
    }

    private static byte[] ia5(String s) {
        return encoded(new DERIA5String(s));
    }

    private static byte[] encoded(org.bouncycastle.asn1.ASN1Object o) {
        try {
            return o.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] seq(byte[]... parts) {
        return tlv(0x30, parts);
    }

    private static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length & 0xff);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }
}
