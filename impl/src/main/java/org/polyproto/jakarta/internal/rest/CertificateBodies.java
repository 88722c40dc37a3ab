package org.polyproto.jakarta.internal.rest;

import org.polyproto.jakarta.api.ErrorCode;
import org.polyproto.jakarta.api.PolyprotoException;
import org.polyproto.jakarta.internal.cert.ParsedCsr;
import org.polyproto.jakarta.internal.cert.PemCodec;

/** Certificate bodies in every form both profiles' clients send: raw PEM, a JSON string, or an object field. */
final class CertificateBodies {

    private CertificateBodies() {
    }

    /** A CSR as raw PEM, a JSON string or {@code {"csr": …}}; PEM, base64 of DER or base64 of PEM. */
    static ParsedCsr csr(byte[] body) {
        String text = new String(body == null ? new byte[0] : body, java.nio.charset.StandardCharsets.UTF_8).strip();
        String csrText = text.startsWith("{") ? JsonBody.parse(body).requiredString("csr") : JsonBody.parseString(body);
        byte[] der = PemCodec.decode(csrText).orElseThrow(() -> new PolyprotoException(ErrorCode.CSR_INVALID,
                "The CSR must be PEM, base64 of DER or base64 of PEM."));
        return ParsedCsr.parse(der);
    }

    /** An ID-Cert as raw PEM or a JSON string; PEM, base64 of DER or base64 of PEM. */
    static byte[] idCert(byte[] body) {
        return PemCodec.decode(JsonBody.parseString(body)).orElseThrow(CertificateBodies::malformedIdCert);
    }

    static PolyprotoException malformedIdCert() {
        return new PolyprotoException(ErrorCode.IDCERT_MALFORMED,
                "The ID-Cert must be PEM, base64 of DER or base64 of PEM.");
    }
}
