package dev.ftpkit.server;

import dev.ftpkit.core.Reply;
import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Python's ftplib against the server: every verb it has, active and passive, abort, a custom verb. */
class FtplibTest {

    private static final String SCRIPT = """
            import ftplib, io, sys
            port, scenario = int(sys.argv[1]), sys.argv[2]
            ftp = ftplib.FTP()
            ftp.connect('127.0.0.1', port, timeout=20)
            ftp.login('alice', 's3cret')
            def check(condition, what):
                if not condition:
                    print('FAILED: ' + what); sys.exit(1)
            if scenario == 'verbs':
                check(ftp.pwd() == '/', 'pwd')
                check(ftp.mkd('dir one') == '/dir one', 'mkd')
                ftp.cwd('dir one')
                check(ftp.pwd() == '/dir one', 'cwd')
                data = bytes(range(256)) * 1000
                ftp.storbinary('STOR data.bin', io.BytesIO(data))
                got = io.BytesIO(); ftp.retrbinary('RETR data.bin', got.write)
                check(got.getvalue() == data, 'retrbinary')
                check(ftp.size('data.bin') == len(data), 'size')
                ftp.storlines('STOR text.txt', io.BytesIO(b'one\\r\\ntwo\\r\\n'))
                lines = []; ftp.retrlines('RETR text.txt', lines.append)
                check(lines == ['one', 'two'], 'retrlines %r' % lines)
                check(sorted(ftp.nlst()) == ['data.bin', 'text.txt'], 'nlst %r' % ftp.nlst())
                facts = dict(ftp.mlsd())
                check(facts['data.bin']['type'] == 'file' and facts['data.bin']['size'] == str(len(data)), 'mlsd %r' % facts)
                check(len(facts['data.bin']['modify']) == 14, 'mlsd modify')
                listing = []; ftp.dir(listing.append)
                check(any(l.endswith(' data.bin') and l.startswith('-') for l in listing), 'dir %r' % listing)
                ftp.rename('data.bin', 'renamed.bin')
                check(sorted(ftp.nlst()) == ['renamed.bin', 'text.txt'], 'rename')
                ftp.set_pasv(False)
                got = io.BytesIO(); ftp.retrbinary('RETR renamed.bin', got.write)
                check(got.getvalue() == data, 'active retrbinary')
                ftp.set_pasv(True)
                check(ftp.sendcmd('MDTM renamed.bin').startswith('213 '), 'mdtm')
                ftp.delete('renamed.bin'); ftp.delete('text.txt')
                ftp.cwd('..')
                ftp.rmd('dir one')
                check(ftp.nlst() == ['big.bin'], 'rmd %r' % ftp.nlst())
                check(ftp.sendcmd('HELLO from python') == '200 Hello alice', 'custom verb')
                check(ftp.sendcmd('SYST') == '215 UNIX Type: L8', 'syst')
                check(ftp.sendcmd('NOOP').startswith('200'), 'noop')
            elif scenario == 'abort':
                conn = ftp.transfercmd('RETR big.bin')
                first = conn.recv(65536)
                check(len(first) > 0, 'first bytes')
                reply = ftp.abort()
                check(reply[:3] in ('426', '225', '226'), 'abort reply ' + reply)
                if reply[:3] == '426':
                    check(ftp.getresp()[:3] == '226', 'abort then 226')
                elif 'Transfer complete' in reply:
                    # the whole file fit into the socket buffers before ABOR arrived: ABOR's own reply follows
                    check(ftp.getresp()[:3] in ('225', '226'), 'late abort reply')
                conn.close()
                check(ftp.sendcmd('NOOP').startswith('200'), 'usable after abort')
                got = io.BytesIO(); ftp.retrbinary('RETR big.bin', got.write)
                check(len(got.getvalue()) == 32 * 1024 * 1024, 'retr after abort')
            ftp.quit()
            print('OK')
            """;

    @TempDir
    Path root;
    @TempDir
    Path work;

    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        byte[] big = new byte[32 * 1024 * 1024];
        new Random(7).nextBytes(big);
        Files.write(root.resolve("big.bin"), big);
        server = TestServers.builder(root)
                .command("HELLO", CommandDescriptor.of((command, session) ->
                        Reply.of(200, "Hello " + session.account().orElseThrow().name())))
                .build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Processes.Result python(String scenario) throws Exception {
        Path python = Peers.require("python3");
        Path script = work.resolve("client.py");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        return Processes.run(work, Duration.ofSeconds(60),
                List.of(python.toString(), script.toString(), Integer.toString(server.port()), scenario));
    }

    @Test
    void everyFtplibVerbWorks() throws Exception {
        Processes.Result result = python("verbs");

        assertThat(result.stdout()).as(result.toString()).contains("OK");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void abortDuringDownloadLeavesTheSessionUsable() throws Exception {
        Processes.Result result = python("abort");

        assertThat(result.stdout()).as(result.toString()).contains("OK");
        assertThat(result.exitCode()).isZero();
    }
}
