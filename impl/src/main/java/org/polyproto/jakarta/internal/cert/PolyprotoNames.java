package org.polyproto.jakarta.internal.cert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.FederationId;
import org.polyproto.jakarta.api.PolyprotoException;

/**
 * polyproto distinguished names (pDN): a home server's name is only its domain's labels as {@code DC}s, top-level
 * domain first in DER order; an actor's adds {@code CN} = local name, {@code UID} = Federation ID and
 * {@code uniqueIdentifier} = session ID. Attributes are matched by OID, never by name.
 */
public final class PolyprotoNames {

    public static final ASN1ObjectIdentifier CN = new ASN1ObjectIdentifier("2.5.4.3");
    public static final ASN1ObjectIdentifier DC = new ASN1ObjectIdentifier("0.9.2342.19200300.100.1.25");
    public static final ASN1ObjectIdentifier UID = new ASN1ObjectIdentifier("0.9.2342.19200300.100.1.1");
    /** RFC 1274 uniqueIdentifier, not X.520's x500UniqueIdentifier (2.5.4.45) that BouncyCastle names so. */
    public static final ASN1ObjectIdentifier SESSION_ID = new ASN1ObjectIdentifier("0.9.2342.19200300.100.1.44");

    /** The longest subject (DER) an issued ID-Cert copies from a CSR. */
    public static final int MAX_SUBJECT_BYTES = 1024;
    private static final java.util.Set<ASN1ObjectIdentifier> ACTOR_TYPES = java.util.Set.of(CN, DC, UID, SESSION_ID);

    private PolyprotoNames() {
    }

    /**
     * Whether {@code name} states nothing but an actor's identity (CN, DCs, UID, session ID) in at most
     * {@link #MAX_SUBJECT_BYTES}: the server signs what the subject says, so it must say nothing the server did not
     * check.
     */
    public static boolean isPlainActorName(X500Name name) {
        try {
            return name.getEncoded().length <= MAX_SUBJECT_BYTES && attributes(name).stream()
                    .allMatch(atv -> ACTOR_TYPES.contains(atv.getType()));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The name of the home server of {@code domain}: its labels as DCs, top-level domain first. */
    public static X500Name serverName(String domain) {
        X500NameBuilder builder = new X500NameBuilder();
        String[] labels = domain.split("\\.");
        for (int i = labels.length - 1; i >= 0; i--) {
            builder.addRDN(DC, new DERIA5String(labels[i]));
        }
        return builder.build();
    }

    /** The DC values of a name in DER order. */
    public static List<String> domainComponents(X500Name name) {
        List<String> dcs = new ArrayList<>();
        for (AttributeTypeAndValue atv : attributes(name)) {
            if (atv.getType().equals(DC)) {
                dcs.add(text(atv.getValue()));
            }
        }
        return dcs;
    }

    /** The domain whose labels are {@code dcs} in DER order, e.g. [com, example] → example.com. */
    public static String domainOf(List<String> dcs) {
        List<String> labels = new ArrayList<>(dcs);
        java.util.Collections.reverse(labels);
        return String.join(".", labels);
    }

    /**
     * Checks a home server's name: at least one DC, and no CN, UID or session ID.
     *
     * @return the domain it names
     */
    public static String requireServerName(X500Name name, ErrorCode failure) {
        try {
            return serverDomain(name, failure);
        } catch (IllegalArgumentException e) {
            throw new PolyprotoException(failure, "A home server's name has a value that is not a string.");
        }
    }

    private static String serverDomain(X500Name name, ErrorCode failure) {
        List<String> dcs = domainComponents(name);
        for (AttributeTypeAndValue atv : attributes(name)) {
            ASN1ObjectIdentifier type = atv.getType();
            if (type.equals(CN) || type.equals(UID) || type.equals(SESSION_ID)) {
                throw new PolyprotoException(failure, "A home server's name holds only DC attributes.");
            }
        }
        if (dcs.isEmpty()) {
            throw new PolyprotoException(failure, "A home server's name needs at least one DC attribute.");
        }
        try {
            return FederationId.requireDomain(domainOf(dcs));
        } catch (PolyprotoException e) {
            throw new PolyprotoException(failure, "A home server's DC attributes do not form a valid domain.");
        }
    }

    /**
     * Reads and checks an actor's name.
     *
     * @param failure the error code for a name that breaks the profile
     */
    public static ActorName requireActorName(X500Name name, ErrorCode failure) {
        try {
            return actorName(name, failure);
        } catch (IllegalArgumentException e) {
            throw new PolyprotoException(failure, "An actor's name has a value that is not a string.");
        }
    }

    private static ActorName actorName(X500Name name, ErrorCode failure) {
        List<String> cns = values(name, CN);
        List<String> uids = values(name, UID);
        List<String> sessions = values(name, SESSION_ID);
        List<String> dcs = domainComponents(name);
        if (cns.size() != 1 || uids.size() != 1 || sessions.size() != 1 || dcs.isEmpty()) {
            throw new PolyprotoException(failure, "An actor's name needs exactly one CN, UID and uniqueIdentifier and at least one DC.");
        }
        FederationId fid;
        try {
            fid = FederationId.parse(uids.get(0));
        } catch (PolyprotoException e) {
            throw new PolyprotoException(failure, "The UID attribute is not a valid Federation ID.");
        }
        if (!fid.localName().equals(cns.get(0))) {
            throw new PolyprotoException(failure, "The CN attribute must equal the local part of the UID.");
        }
        if (!fid.domain().equals(domainOf(dcs))) {
            throw new PolyprotoException(failure, "The DC attributes must name the domain of the UID.");
        }
        String sessionId = sessions.get(0);
        if (!isSessionId(sessionId)) {
            throw new PolyprotoException(failure, "The session ID must be 1 to 32 printable ASCII characters, not starting or ending with a space.");
        }
        return new ActorName(fid, sessionId, List.copyOf(dcs));
    }

    static boolean isSessionId(String s) {
        if (s.isEmpty() || s.length() > 32 || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
        List<String> out = new ArrayList<>();
        for (AttributeTypeAndValue atv : attributes(name)) {
            if (atv.getType().equals(type)) {
                out.add(text(atv.getValue()));
            }
        }
        return out;
    }

    private static List<AttributeTypeAndValue> attributes(X500Name name) {
        List<AttributeTypeAndValue> out = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            out.addAll(List.of(rdn.getTypesAndValues()));
        }
        return out;
    }

    private static String text(ASN1Encodable value) {
        return Optional.of(value).filter(ASN1String.class::isInstance).map(v -> ((ASN1String) v).getString())
                .orElseThrow(() -> new IllegalArgumentException("attribute value is not a string"));
    }

    /** An actor's identity as its name states it. */
    public record ActorName(FederationId fid, String sessionId, List<String> domainComponents) {
    }
}
