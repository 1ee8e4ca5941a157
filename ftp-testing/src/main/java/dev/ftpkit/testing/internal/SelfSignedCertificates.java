package dev.ftpkit.testing.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Makes a self-signed X.509 v3 certificate (RFC 5280) with the JDK alone: the certificate is a few DER structures,
 * encoded here, signed with {@link Signature} and parsed back by the JDK's {@link CertificateFactory}, so nothing but
 * the JDK's public API is needed (no keytool process, no internal {@code sun.security} classes, no extra library).
 */
public final class SelfSignedCertificates {

    /** ecdsa-with-SHA256, RFC 5758 §3.2 (no parameters). */
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";

    private SelfSignedCertificates() {
    }

    /**
     * A certificate for {@code host} (common name and DNS name) and {@code address} (IP address name), valid from an
     * hour ago for {@code validDays} days, signed by its own EC P-256 key with SHA-256.
     *
     * @param keys      an EC key pair
     * @param host      the DNS name, e.g. {@code localhost}
     * @param address   the IP address, e.g. 127.0.0.1
     * @param validDays how many days it is valid
     * @return the certificate
     * @throws GeneralSecurityException if signing or parsing fails
     */
    public static X509Certificate create(KeyPair keys, String host, InetAddress address, int validDays)
            throws GeneralSecurityException {
        Instant now = Instant.now();
        byte[] algorithm = sequence(oid(ECDSA_WITH_SHA256));
        byte[] name = sequence(set(sequence(oid(COMMON_NAME), tlv(0x0C, host.getBytes(StandardCharsets.UTF_8)))));
        // RFC 5280 §4.2.1.6: dNSName [2] IA5String, iPAddress [7] OCTET STRING
        byte[] altNames = sequence(tlv(0x82, host.getBytes(StandardCharsets.US_ASCII)), tlv(0x87, address.getAddress()));
        byte[] extensions = sequence(
                sequence(oid(SUBJECT_ALT_NAME), tlv(0x04, altNames)),
                sequence(oid(BASIC_CONSTRAINTS), tlv(0x04, sequence())));
        byte[] tbs = sequence(
                tlv(0xA0, integer(BigInteger.valueOf(2))), // [0] version v3
                integer(new BigInteger(64, new SecureRandom()).add(BigInteger.ONE)),
                algorithm,
                name,
                sequence(time(now.minusSeconds(3600)), time(now.plusSeconds(validDays * 86_400L))),
                name,
                keys.getPublic().getEncoded(), // SubjectPublicKeyInfo as X.509 encodes it
                tlv(0xA3, extensions));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign(); // already the DER ECDSA-Sig-Value X.509 wants
        byte[] certificate = sequence(tbs, algorithm, bitString(signature));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
    }

    /** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
    private static byte[] time(Instant instant) {
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        boolean utc = year < 2050;
        String text = DateTimeFormatter.ofPattern(utc ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(instant);
        return tlv(utc ? 0x17 : 0x18, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] bitString(byte[] bytes) {
        byte[] content = new byte[bytes.length + 1]; // first byte: no unused bits
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return tlv(0x03, content);
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, Long.parseLong(arcs[i]));
        }
        return tlv(0x06, out.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = 1;
        while (value >>> (7 * groups) != 0) {
            groups++;
        }
        for (int g = groups - 1; g >= 0; g--) {
            out.write((int) ((value >>> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
        }
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** X.690 §8.1: tag, definite length (short form below 128, else long form), content. */
    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
