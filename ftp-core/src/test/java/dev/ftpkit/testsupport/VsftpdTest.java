package dev.ftpkit.testsupport;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.ExtendedPassive;
import dev.ftpkit.core.FeatureSet;
import dev.ftpkit.core.HostPort;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyParser;
import dev.ftpkit.core.list.EntryType;
import dev.ftpkit.core.list.ListEntry;
import dev.ftpkit.core.list.ListParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test support starts a real vsftpd, and the core codecs understand what it says: a raw socket
 * dialogue whose replies go through {@link ReplyParser}, {@link FeatureSet}, {@link HostPort},
 * {@link ExtendedPassive} and {@link ListParser}.
 */
class VsftpdTest {

    @Test
    void seedDialogueWithTheRealVsftpdIsParsedByTheCoreCodecs(@TempDir Path dir) throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir).start();
             RawControl control = new RawControl(new Socket(vsftpd.host(), vsftpd.port()))) {
            Files.writeString(vsftpd.root().resolve("hello world.txt"), "hello from vsftpd\n");

            assertThat(control.read().codeValue()).isEqualTo(220);
            assertThat(control.send(Command.of("USER", "anonymous")).codeValue()).isEqualTo(331);
            assertThat(control.send(Command.of("PASS", "guest@example.com")).codeValue()).isEqualTo(230);

            FeatureSet features = FeatureSet.parse(control.send(Command.of("FEAT")));
            assertThat(features.has("EPSV")).isTrue();
            assertThat(features.has("REST", "STREAM")).isTrue();
            assertThat(features.has("MLST")).as("vsftpd has no MLSx").isFalse();

            Reply pasv = control.send(Command.of("PASV"));
            assertThat(pasv.codeValue()).isEqualTo(227);
            HostPort passive = HostPort.parsePassiveReply(pasv.text());
            assertThat(passive.address().getHostAddress()).isEqualTo("127.0.0.1");
            String listing;
            try (Socket data = new Socket(vsftpd.host(), passive.port())) {
                assertThat(control.send(Command.of("LIST")).codeValue()).isEqualTo(150);
                listing = new String(data.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(control.read().codeValue()).isEqualTo(226);
            List<ListEntry> entries = ListParser.defaults().parse(listing);
            assertThat(entries).extracting(ListEntry::name).contains("hello world.txt", "upload");
            ListEntry file = entries.stream().filter(e -> e.name().equals("hello world.txt")).findFirst().orElseThrow();
            assertThat(file.type()).isEqualTo(EntryType.FILE);
            assertThat(file.size()).hasValue(18);

            Reply epsv = control.send(Command.of("EPSV"));
            assertThat(epsv.codeValue()).isEqualTo(229);
            try (Socket data = new Socket(vsftpd.host(), ExtendedPassive.parseReply(epsv.text()))) {
                assertThat(control.send(Command.of("RETR", "hello world.txt")).codeValue()).isEqualTo(150);
                assertThat(data.getInputStream().readAllBytes())
                        .isEqualTo("hello from vsftpd\n".getBytes(StandardCharsets.US_ASCII));
            }
            assertThat(control.read().codeValue()).isEqualTo(226);
            assertThat(control.send(Command.of("QUIT")).codeValue()).isEqualTo(221);
        }
    }

    @Test
    void closeStopsTheServer(@TempDir Path dir) throws Exception {
        Vsftpd vsftpd = Vsftpd.builder(dir).start();
        int port = vsftpd.port();
        vsftpd.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    /** A control connection driven by hand: commands encoded and replies parsed by the core codecs. */
    private static final class RawControl implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;
        private final ReplyParser parser = new ReplyParser();

        RawControl(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(10_000);
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = socket.getOutputStream();
        }

        Reply send(Command command) throws IOException {
            out.write(command.encode().getBytes(StandardCharsets.UTF_8));
            return read();
        }

        Reply read() throws IOException {
            for (int lines = 0; lines < 1_000; lines++) {
                String line = in.readLine();
                if (line == null) {
                    throw new IOException("vsftpd closed the control connection");
                }
                Optional<Reply> reply = parser.accept(line);
                if (reply.isPresent()) {
                    return reply.get();
                }
            }
            throw new IOException("reply longer than 1000 lines");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
