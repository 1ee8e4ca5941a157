package dev.ftpkit.client.internal;

import dev.ftpkit.client.FileHash;
import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.Reply;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HASH and XSHA256/XSHA1/XMD5/XCRC reply parsers, and the choice of algorithm from FEAT. */
class ServerHashesTest {

    @Test
    void hashReplyGivesAlgorithmAndValueEvenWhenTheNameHasSpaces() throws Exception {
        FileHash hash = ServerHashes.parseHashReply(Reply.of(213, "SHA-256 0-3 BA7816BF8F01CFEA a file name.txt"));

        assertThat(hash).isEqualTo(new FileHash("SHA-256", "ba7816bf8f01cfea"));
    }

    @Test
    void legacyReplyIsTheFirstWord() throws Exception {
        assertThat(ServerHashes.parseLegacyReply("CRC32", Reply.of(250, "0A1B2C3D")))
                .isEqualTo(new FileHash("CRC32", "0a1b2c3d"));
        assertThat(ServerHashes.parseLegacyReply("MD5", Reply.of(213, "d41d8cd98f00b204e9800998ecf8427e file")))
                .isEqualTo(new FileHash("MD5", "d41d8cd98f00b204e9800998ecf8427e"));
    }

    @Test
    void aReplyThatIsNotAHashIsAProtocolError() {
        assertThatThrownBy(() -> ServerHashes.parseHashReply(Reply.of(213, "SHA-256 0-3")))
                .isInstanceOf(FtpProtocolException.class);
        assertThatThrownBy(() -> ServerHashes.parseHashReply(Reply.of(213, "WHIRLPOOL 0-3 abcd x")))
                .isInstanceOf(FtpProtocolException.class);
        assertThatThrownBy(() -> ServerHashes.parseLegacyReply("MD5", Reply.of(250, "not-hex")))
                .isInstanceOf(FtpProtocolException.class);
    }

    @Test
    void theStrongestOfferedAlgorithmIsPreferredAndTheStarredOneIsSelected() {
        assertThat(ServerHashes.preferredAlgorithm("MD5;CRC32*;SHA-1")).isEqualTo("SHA-1");
        assertThat(ServerHashes.selectedAlgorithm("MD5;CRC32*;SHA-1")).isEqualTo("CRC32");
        assertThat(ServerHashes.preferredAlgorithm("WHIRLPOOL")).isEmpty();
        assertThat(ServerHashes.selectedAlgorithm("SHA-256;MD5")).isEmpty();
    }

    @Property
    void junkRepliesNeverThrowAnythingButAProtocolError(@ForAll String text) {
        String line = text.replace('\r', ' ').replace('\n', ' ').replace('\0', ' ');
        for (int i = 0; i < 2; i++) {
            try {
                FileHash hash = i == 0 ? ServerHashes.parseHashReply(Reply.of(213, line))
                        : ServerHashes.parseLegacyReply("SHA-1", Reply.of(250, line));
                assertThat(hash.hex()).isNotEmpty();
            } catch (FtpProtocolException expected) {
                assertThat(expected).hasMessageContaining("reply");
            }
        }
    }
}
