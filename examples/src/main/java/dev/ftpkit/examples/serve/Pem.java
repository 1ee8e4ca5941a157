package dev.ftpkit.examples.serve;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM (RFC 7468) certificates and private keys with the JDK alone: PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}, RFC 8017 appendix A.1.2) and SEC1 ({@code EC PRIVATE KEY}, RFC 5915). PKCS#1 and SEC1
 * keys are wrapped into PKCS#8 (RFC 5208) so {@link KeyFactory} can read them.
 */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** DER of the OID id-ecPublicKey (1.2.840.10045.2.1). */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    /** A PEM text that holds no usable certificate or key. */
    static final class PemException extends Exception {
        private static final long serialVersionUID = 1L;

        PemException(String message) {
            super(message);
        }
    }

    private record Block(String label, byte[] der) {
    }

    private Pem() {
    }

    /** Every CERTIFICATE block, in order. */
    static List<Certificate> certificates(String pem) throws PemException {
        List<Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(pem)) {
                if (block.label().equals("CERTIFICATE")) {
                    certificates.add(factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (CertificateException e) {
            throw new PemException("a CERTIFICATE block is not an X.509 certificate");
        }
        if (certificates.isEmpty()) {
            throw new PemException("no -----BEGIN CERTIFICATE----- block");
        }
        return certificates;
    }

    /** The first private key block. */
    static PrivateKey privateKey(String pem) throws PemException {
        for (Block block : blocks(pem)) {
            switch (block.label()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(block.der(), "RSA", "EC", "Ed25519", "Ed448");
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(wrap(concat(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM), block.der()), "RSA");
                }
                case "EC PRIVATE KEY" -> {
                    byte[] algorithm = sequence(concat(EC_PUBLIC_KEY, curveOf(block.der())));
                    return pkcs8(wrap(concat(new byte[] {0x02, 0x01, 0x00}, algorithm), block.der()), "EC");
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new PemException(
                        "the private key is encrypted; give an unencrypted key (openssl pkey -in KEY -out PLAIN)");
                default -> {
                    // certificates and parameters: not a key
                }
            }
        }
        throw new PemException("no -----BEGIN PRIVATE KEY----- (or RSA/EC PRIVATE KEY) block");
    }

    private static List<Block> blocks(String pem) throws PemException {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(pem);
        while (matcher.find()) {
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
            } catch (IllegalArgumentException e) {
                throw new PemException("a " + matcher.group(1) + " block is not valid base64");
            }
        }
        return blocks;
    }

    private static PrivateKey pkcs8(byte[] der, String... algorithms) throws PemException {
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new PemException("the private key is not an RSA, EC or EdDSA key the JDK can read");
    }

    /** PrivateKeyInfo ::= SEQUENCE { version, algorithm, OCTET STRING privateKey } (RFC 5208 §5). */
    private static byte[] wrap(byte[] versionAndAlgorithm, byte[] key) {
        return sequence(concat(versionAndAlgorithm, tlv(0x04, key)));
    }

    /**
     * The named curve's OID (with tag and length) from a SEC1 ECPrivateKey ::= SEQUENCE { version INTEGER,
     * privateKey OCTET STRING, [0] parameters OPTIONAL, [1] publicKey OPTIONAL } (RFC 5915 §3).
     */
    private static byte[] curveOf(byte[] sec1) throws PemException {
        Der sequence = new Der(sec1);
        Der fields = new Der(sequence.content(0x30));
        fields.skip(0x02);
        fields.skip(0x04);
        if (!fields.hasMore() || fields.peek() != (byte) 0xa0) {
            throw new PemException("the EC private key names no curve");
        }
        return fields.content(0xa0);
    }

    private static byte[] sequence(byte[] content) {
        return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Just enough of a DER reader (X.690 §8.1) to walk a SEC1 key: tag, definite length, content. */
    private static final class Der {
        private final byte[] bytes;
        private int position;

        Der(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean hasMore() {
            return position < bytes.length;
        }

        byte peek() {
            return bytes[position];
        }

        void skip(int tag) throws PemException {
            content(tag);
        }

        byte[] content(int tag) throws PemException {
            if (position + 2 > bytes.length || (bytes[position] & 0xff) != tag) {
                throw new PemException("the EC private key is not SEC1 DER");
            }
            position++;
            int length = bytes[position++] & 0xff;
            if (length >= 0x80) {
                int count = length & 0x7f;
                if (count > 3 || position + count > bytes.length) {
                    throw new PemException("the EC private key is not SEC1 DER");
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (bytes[position++] & 0xff);
                }
            }
            if (position + length > bytes.length) {
                throw new PemException("the EC private key is not SEC1 DER");
            }
            byte[] content = java.util.Arrays.copyOfRange(bytes, position, position + length);
            position += length;
            return content;
        }
    }
}
