package dev.ftpkit.server;

import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A root on a non-default file system (a zip file): the server never assumes java.io.File. */
class ZipFileSystemRootTest {

    @Test
    void everyFileOperationWorksInsideAZipFile(@TempDir Path temp) throws Exception {
        Path zip = temp.resolve("root.zip");
        try (FileSystem zipFs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path root = zipFs.getPath("/");
            Files.createDirectories(root.resolve("docs"));
            Files.writeString(root.resolve("docs/readme.txt"), "zipped hello");
            try (FtpServer server = TestServers.start(root); RawFtp ftp = RawFtp.login(server.port())) {
                assertThat(new String(ftp.retrieve("/docs/readme.txt"), StandardCharsets.UTF_8)).isEqualTo("zipped hello");
                ftp.store("/docs/upload.txt", "uploaded into a zip".getBytes(StandardCharsets.UTF_8));
                ftp.expect(257, "MKD /new");
                ftp.expect(350, "RNFR /docs/upload.txt");
                ftp.expect(250, "RNTO /new/moved.txt");
                ftp.expect(250, "CWD /new");
                assertThat(ftp.list("NLST")).isEqualTo("moved.txt\r\n");
                assertThat(ftp.list("MLSD /docs")).contains("type=file;size=12;").contains(" readme.txt");
                assertThat(ftp.list("LIST /")).contains(" docs\r\n").contains(" new\r\n");
                assertThat(ftp.send("SIZE moved.txt").encode()).isEqualTo("213 19\r\n");
                assertThat(ftp.send("CWD ../../nosuchdir").codeValue()).isEqualTo(550);
                ftp.expect(250, "DELE /docs/readme.txt");
                ftp.expect(250, "RMD /docs");

                Path curl = Peers.require("curl");
                Processes.Result result = Processes.run(temp, Duration.ofSeconds(30), List.of(curl.toString(), "-sS",
                        "--max-time", "20", TestServers.url(server, "new/moved.txt")));
                assertThat(result.stdout()).as(result.toString()).isEqualTo("uploaded into a zip");
            }
            assertThat(Files.readString(root.resolve("new/moved.txt"))).isEqualTo("uploaded into a zip");
            assertThat(root.resolve("docs")).doesNotExist();
        }
    }

    // the zip file system empties an entry opened for WRITE without APPEND; a restarted STOR must keep the bytes
    // before the offset (RFC 3659 §5), so the server writes through APPEND there
    @Test
    @SuppressWarnings("try") // a passive connection is held open while the command is refused
    void restartedStoreKeepsTheBytesBeforeTheOffset(@TempDir Path temp) throws Exception {
        Path zip = temp.resolve("root.zip");
        try (FileSystem zipFs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path root = zipFs.getPath("/");
            Files.writeString(root.resolve("part.txt"), "0123456789");
            try (FtpServer server = TestServers.start(root); RawFtp ftp = RawFtp.login(server.port())) {
                ftp.expect(200, "TYPE I");
                try (Socket data = ftp.passive()) {
                    ftp.expect(350, "REST 10");
                    ftp.expect(150, "STOR part.txt");
                    data.getOutputStream().write("abc".getBytes(StandardCharsets.UTF_8));
                    data.shutdownOutput();
                    assertThat(ftp.read().codeValue()).isEqualTo(226);
                }
                assertThat(Files.readString(root.resolve("part.txt"))).isEqualTo("0123456789abc");
                // a shorter offset needs truncate, which zip channels do not support: refused, nothing lost
                try (Socket data = ftp.passive()) {
                    ftp.expect(350, "REST 4");
                    assertThat(ftp.send("STOR part.txt").codeValue()).isEqualTo(504);
                }
                ftp.expect(350, "REST 99");
                assertThat(ftp.sendWithPassive("STOR part.txt").codeValue()).isEqualTo(554);
            }
            assertThat(Files.readString(root.resolve("part.txt"))).isEqualTo("0123456789abc");
        }
    }
}
