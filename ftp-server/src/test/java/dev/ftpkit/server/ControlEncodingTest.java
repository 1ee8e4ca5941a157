package dev.ftpkit.server;

import dev.ftpkit.core.FeatureSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server for clients whose names are not UTF-8: names travel as the bytes the client sent. */
class ControlEncodingTest {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path root;

    private FtpServer start(Charset charset) throws IOException {
        return TestServers.builder(root).controlEncoding(charset).build().start();
    }

    private static byte[] line(String verb, byte[] argument) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((verb + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(argument);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] nlstBytes(RawFtp ftp) throws IOException {
        try (Socket data = ftp.passive()) {
            ftp.expect(150, "NLST");
            byte[] bytes = data.getInputStream().readAllBytes();
            assertThat(ftp.read().codeValue()).isEqualTo(226);
            return bytes;
        }
    }

    private static byte[] crlf(byte[] name) {
        byte[] withEnd = java.util.Arrays.copyOf(name, name.length + 2);
        withEnd[name.length] = '\r';
        withEnd[name.length + 1] = '\n';
        return withEnd;
    }

    @Test
    void latin1NameSentAsOneByteIsStoredAndListedAsThatByte() throws Exception {
        byte[] wire = {'l', 'a', 't', (byte) 0xE9, '.', 't', 'x', 't'};
        try (FtpServer server = start(StandardCharsets.ISO_8859_1); RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(FeatureSet.parse(ftp.send("FEAT")).has("UTF8")).isFalse();
            try (Socket data = ftp.passive()) {
                ftp.sendRaw(line("STOR", wire));
                assertThat(ftp.read().codeValue()).isEqualTo(150);
                data.getOutputStream().write(new byte[] {1, 2, 3});
                data.shutdownOutput();
                assertThat(ftp.read().codeValue()).isEqualTo(226);
            }

            assertThat(nlstBytes(ftp)).isEqualTo(crlf(wire));
        }
        assertThat(Files.readAllBytes(root.resolve("lat\u00e9.txt"))).containsExactly(1, 2, 3);
    }

    @Test
    void gbkNamesSurviveMkdAndListing() throws Exception {
        String name = "\u4e2d\u6587";
        byte[] wire = name.getBytes(GBK);
        try (FtpServer server = start(GBK); RawFtp ftp = RawFtp.login(server.port())) {
            ftp.sendRaw(line("MKD", wire));
            assertThat(ftp.read().codeValue()).isEqualTo(257);

            assertThat(nlstBytes(ftp)).isEqualTo(crlf(wire));
        }
        assertThat(root.resolve(name)).isDirectory();
    }

    @Test
    void optsUtf8OnSwitchesTheSessionToUtf8() throws Exception {
        String name = "caf\u00e9";
        Files.createDirectory(root.resolve(name));
        try (FtpServer server = start(StandardCharsets.ISO_8859_1); RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(nlstBytes(ftp)).isEqualTo(crlf(name.getBytes(StandardCharsets.ISO_8859_1)));
            ftp.expect(200, "OPTS UTF8 ON");

            assertThat(nlstBytes(ftp)).isEqualTo(crlf(name.getBytes(StandardCharsets.UTF_8)));
            ftp.expect(250, "CWD " + name); // RawFtp sends UTF-8
            ftp.expect(220, "REIN");
            ftp.expect(331, "USER " + RawFtp.USER);
            ftp.expect(230, "PASS " + RawFtp.PASSWORD);
            assertThat(nlstBytes(ftp)).isEqualTo(crlf(name.getBytes(StandardCharsets.ISO_8859_1)));
        }
    }

    @Test
    void charsetsThatDoNotKeepAsciiAreRefused() {
        assertThatThrownBy(() -> FtpServer.builder().controlEncoding(StandardCharsets.UTF_16))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("controlEncoding");
    }
}
