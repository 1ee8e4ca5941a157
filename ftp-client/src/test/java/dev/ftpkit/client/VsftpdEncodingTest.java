package dev.ftpkit.client;

import dev.ftpkit.core.list.ListEntry;
import dev.ftpkit.testsupport.RawNames;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Control-connection encodings against vsftpd, whose names are whatever bytes the client sends (issue 20 item 2). */
class VsftpdEncodingTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final byte[] LATIN1_NAME = "lat\u00e9.txt".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CONTENT = "the bytes of the file\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private static FtpClient connect(Vsftpd vsftpd, FtpClientConfig config) throws IOException {
        FtpClient client = FtpClient.connect(config, vsftpd.host(), vsftpd.port());
        client.loginAnonymous();
        return client;
    }

    private static FtpClientConfig.Builder quick() {
        return FtpClientConfig.builder().timeouts(Duration.ofSeconds(10));
    }

    private static byte[] download(FtpClient client, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.retrieve(name, out);
        return out.toByteArray();
    }

    private static ListEntry only(List<ListEntry> entries, String printableName) {
        return entries.stream().filter(e -> RemoteNames.printable(e.name()).equals(printableName)).findFirst()
                .orElseThrow(() -> new AssertionError(printableName + " not in " + entries));
    }

    @Test
    void utf8WithOptsUtf8OnWhenFeatOffersIt() throws IOException {
        RecordingProtocolListener dialogue = new RecordingProtocolListener();
        // vsftpd 3.0.3 offers UTF8 in FEAT only with utf8_filesystem=YES.
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).option("utf8_filesystem", "YES").start();
             FtpClient client = connect(vsftpd, quick().fallbackCharset(GBK).protocolListener(dialogue).build())) {

            assertThat(client.features().has("UTF8")).as("vsftpd 3.0.3 offers UTF8 in FEAT").isTrue();
            assertThat(client.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(dialogue.commands).anySatisfy(c -> assertThat(c.toString()).isEqualTo("OPTS UTF8 ON"));
        }
    }

    @Test
    void theFallbackWhenFeatDoesNotOfferUtf8() throws IOException {
        RecordingProtocolListener dialogue = new RecordingProtocolListener();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = connect(vsftpd, quick().fallbackCharset(GBK).protocolListener(dialogue).build())) {

            assertThat(client.features().has("UTF8")).as("vsftpd 3.0.3 without utf8_filesystem").isFalse();
            assertThat(client.charset()).isEqualTo(GBK);
            assertThat(dialogue.verbs()).doesNotContain("OPTS");
        }
    }

    @Test
    void aFixedEncodingIsKeptAndNoOptsUtf8IsSent() throws IOException {
        RecordingProtocolListener dialogue = new RecordingProtocolListener();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).option("utf8_filesystem", "YES").start();
             FtpClient client = connect(vsftpd, quick().charset(GBK).protocolListener(dialogue).build())) {

            assertThat(client.features().has("UTF8")).isTrue();
            assertThat(client.charset()).isEqualTo(GBK);
            assertThat(dialogue.verbs()).doesNotContain("OPTS");
        }
    }

    @Test
    void aLatin1NameIsListedAndFetchedWithoutLossInAUtf8Session() throws IOException {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = connect(vsftpd, quick().build())) {
            RawNames.create(vsftpd.root(), LATIN1_NAME, CONTENT);

            ListEntry entry = only(client.list(""), "lat\\xE9.txt");

            assertThat(RemoteNames.encode(entry.name(), client.charset())).isEqualTo(LATIN1_NAME);
            assertThat(download(client, entry.name())).isEqualTo(CONTENT);
            assertThat(client.listNames("")).contains(entry.name());
        }
    }

    @Test
    void aLatin1NameReadsAsLatin1InALatin1Session() throws IOException {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = connect(vsftpd, quick().charset(StandardCharsets.ISO_8859_1).build())) {
            RawNames.create(vsftpd.root(), LATIN1_NAME, CONTENT);

            only(client.list(""), "lat\u00e9.txt");
            assertThat(download(client, "lat\u00e9.txt")).isEqualTo(CONTENT);
        }
    }

    @Test
    void gbkNamesAreListedAndFetchedByTheirUnicodeName() throws IOException {
        byte[] gbkName = "中文报告.txt".getBytes(GBK);
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = connect(vsftpd, quick().charset(GBK).build())) {
            RawNames.create(vsftpd.root(), gbkName, CONTENT);

            only(client.list(""), "中文报告.txt");
            assertThat(download(client, "中文报告.txt")).isEqualTo(CONTENT);
        }
    }

    @Test
    void anEscapedNameIsStoredAsItsBytes() throws IOException {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = connect(vsftpd, quick().build())) {
            String name = RemoteNames.decode(LATIN1_NAME, StandardCharsets.UTF_8);

            try (OutputStream out = client.store("upload/" + name)) {
                new ByteArrayInputStream(CONTENT).transferTo(out);
            }

            assertThat(RawNames.listHex(vsftpd.uploadDir())).containsExactly(HexFormat.of().formatHex(LATIN1_NAME));
            assertThat(RawNames.read(vsftpd.uploadDir(), LATIN1_NAME)).isEqualTo(CONTENT);
        }
    }

    @Test
    void aNameTheEncodingCannotHoldIsRefusedAndTheSessionGoesOn() throws IOException {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = connect(vsftpd, quick().charset(StandardCharsets.ISO_8859_1).build())) {

            assertThatThrownBy(() -> client.store("upload/\u4e2d.txt")).isInstanceOf(IOException.class)
                    .hasMessageContaining("ISO-8859-1");
            assertThat(RawNames.listHex(vsftpd.uploadDir())).isEmpty();
            assertThat(client.listNames("upload")).isEmpty();
        }
    }
}
