package dev.ftpkit.examples.client;

import dev.ftpkit.client.RemoteNames;
import dev.ftpkit.examples.UsageException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FtpUrlTest {

    @Test
    void userPasswordHostPortAndPathArePercentDecoded() throws UsageException {
        FtpUrl url = FtpUrl.parse("ftp://al%40ice:p%3Ass@example.com:2121/pub/a%20file.txt");

        assertThat(url).isEqualTo(new FtpUrl(Optional.of("al@ice"), Optional.of("p:ss"), "example.com", 2121,
                "pub/a file.txt", false));
        assertThat(url.baseName()).isEqualTo("a file.txt");
        assertThat(url.isDirectory()).isFalse();
    }

    @Test
    void percentEscapesNameBytesInTheServersEncodingAndLiteralCharactersNameCharacters() throws Exception {
        Charset gbk = Charset.forName("GBK");

        FtpUrl latin = FtpUrl.parse("ftp://h/d/lat%E9.txt", StandardCharsets.UTF_8);
        FtpUrl chinese = FtpUrl.parse("ftp://h/%D6%D0/\u6587.txt", gbk);

        assertThat(RemoteNames.encode(latin.path(), StandardCharsets.UTF_8))
                .isEqualTo("d/lat\u00e9.txt".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin.baseName()).isEqualTo("lat\\xE9.txt");
        assertThat(chinese.path()).isEqualTo("\u4e2d/\u6587.txt");
    }

    @Test
    void noUserMeansAnonymousAndTheDefaultPortIs21() throws UsageException {
        FtpUrl url = FtpUrl.parse("ftp://127.0.0.1/upload/");

        assertThat(url.user()).isEmpty();
        assertThat(url.port()).isEqualTo(21);
        assertThat(url.path()).isEqualTo("upload/");
        assertThat(url.isDirectory()).isTrue();
    }

    @Test
    void ftpsMeansImplicitTlsOnPort990ByDefault() throws UsageException {
        FtpUrl url = FtpUrl.parse("FTPS://example.com/pub/f");

        assertThat(url.implicitTls()).isTrue();
        assertThat(url.port()).isEqualTo(990);
        assertThat(url.path()).isEqualTo("pub/f");
        assertThat(FtpUrl.parse("ftps://example.com:2990/").port()).isEqualTo(2990);
        assertThat(FtpUrl.parse("ftp://example.com/").implicitTls()).isFalse();
    }

    @Test
    void ipv6LiteralsAndAbsolutePathsAreUnderstood() throws UsageException {
        FtpUrl url = FtpUrl.parse("ftp://[::1]:2100/%2Fetc/motd");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(2100);
        assertThat(url.path()).isEqualTo("/etc/motd");
    }

    @Test
    void badUrlsAreUsageErrors() {
        for (String bad : List.of("http://x/", "ftp://", "ftp://host:0/", "ftp://host:x/", "ftp://[::1/", "ftp://h/%zz",
                "ftp://h/%4")) {
            assertThatThrownBy(() -> FtpUrl.parse(bad)).as(bad).isInstanceOf(UsageException.class);
        }
    }

    @Property(tries = 1000)
    void anyTextGivesAUrlOrAUsageError(@ForAll String text) {
        for (String candidate : List.of(text, "ftp://" + text)) {
            try {
                FtpUrl url = FtpUrl.parse(candidate);
                assertThat(url.host()).isNotEmpty();
                assertThat(url.port()).isBetween(1, 65535);
            } catch (UsageException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Property(tries = 1000)
    void anyArgumentsGiveOptionsOrAUsageError(@ForAll List<@net.jqwik.api.constraints.StringLength(max = 12) String> args) {
        try {
            ClientOptions options = ClientOptions.parse(args, Set.of("--resume", "--ascii"));
            assertThat(options.positional()).isSubsetOf(args);
        } catch (UsageException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
