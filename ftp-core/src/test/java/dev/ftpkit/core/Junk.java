package dev.ftpkit.core;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Generators of hostile input shared by the property tests. */
final class Junk {
    private Junk() {
    }

    /** Any string, biased towards characters that matter to FTP grammars. */
    static Arbitrary<String> text(int maxLength) {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(maxLength),
                Arbitraries.strings().withChars("0123456789 -,.:|()!\"\r\n\0\t").ofMaxLength(maxLength),
                Arbitraries.strings().withChars("0123456789,| ()").ofMaxLength(maxLength),
                Arbitraries.strings().ascii().ofMaxLength(maxLength));
    }

    /** Text without CR, LF and NUL, so it may sit on one protocol line. */
    static Arbitrary<String> lineText(int maxLength) {
        return text(maxLength).map(s -> s.replace('\r', '_').replace('\n', '_').replace('\0', '_'));
    }

    /** Any bytes, biased towards CR, LF and Telnet IAC. */
    static Arbitrary<byte[]> bytes(int maxLength) {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) '\r', (byte) '\n', (byte) 0xFF, (byte) 244,
                (byte) 250, (byte) 240, (byte) 251, (byte) 'A', (byte) ' ', (byte) 0xC3, (byte) 0);
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, any),
                        net.jqwik.api.Tuple.of(1, interesting))
                .list().ofMaxSize(maxLength)
                .map(list -> {
                    byte[] b = new byte[list.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = list.get(i);
                    }
                    return b;
                });
    }
}
