package dev.ftpkit.client.security;

import dev.ftpkit.testing.ScriptedFtpServer;
import dev.ftpkit.client.FtpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.ftpkit.client.security.Hostile.fast;
import static dev.ftpkit.client.security.Hostile.loggedIn;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * File names from the user holding CR or LF would end the command early and inject a second one ("RETR
 * x\r\nDELE y"; RFC 959 §4.1.3 Telnet end-of-line, CWE-93 CRLF injection).
 * Refused before anything is sent. Item 30.
 */
class CommandInjectionTest {

    @TempDir
    Path dir;

    // CWE-93: every method refuses CR, LF and NUL in its arguments; the server sees the next real command only
    @Test
    void namesWithCrOrLfAreRefusedBeforeSending() throws Exception {
        String[] evil = {"a\r\nDELE important", "b\nRMD /", "c\rQUIT", "d\u0000e"};
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            // nothing of the injected commands (nor data connection set-ups) may arrive before this NOOP
            s.expect("NOOP").reply("200 ok");
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {
                for (String name : evil) {
                    List<Executable> calls = List.of(
                            () -> client.delete(name),
                            () -> client.rename(name, "x"),
                            () -> client.rename("x", name),
                            () -> client.makeDirectory(name),
                            () -> client.removeDirectory(name),
                            () -> client.changeDirectory(name),
                            () -> client.size(name),
                            () -> client.modificationTime(name),
                            () -> client.setModificationTime(name, Instant.EPOCH),
                            () -> client.mlst(name),
                            () -> client.site(name),
                            () -> client.sendCommand("NOOP", name),
                            () -> client.login(name, "pw"),
                            () -> client.retrieve(name, new ByteArrayOutputStream()),
                            () -> client.retrieve(name, dir.resolve("x")),
                            () -> client.store(new ByteArrayInputStream(new byte[1]), name),
                            () -> client.append(new ByteArrayInputStream(new byte[1]), name),
                            () -> client.list(name),
                            () -> client.listNames(name),
                            () -> client.listLines(name));
                    for (Executable call : calls) {
                        assertThatThrownBy(call::execute).as(name).isInstanceOf(IllegalArgumentException.class);
                    }
                }
                client.noop();
            }
            server.awaitScript();
        }
    }
}
