package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureSetTest {

    @Test
    void rfc2389ExampleIsParsed() throws Exception {
        // the example of RFC 2389 §3
        Reply reply = Reply.of(211, List.of("Extensions supported:", " MLST size*;create;modify*;perm;media-type",
                " SIZE", " COMPRESSION", " MDTM", "END"));

        FeatureSet features = FeatureSet.parse(reply);

        assertThat(features.features()).extracting(Feature::name)
                .containsExactly("MLST", "SIZE", "COMPRESSION", "MDTM");
        assertThat(features.parameters("mlst")).contains("size*;create;modify*;perm;media-type");
        assertThat(features.has("MLST", "size")).isTrue();
        assertThat(features.has("MLST", "create")).isTrue();
        assertThat(features.has("MLST", "unique")).isFalse();
        assertThat(features.parameters("SIZE")).contains("");
    }

    @Test
    void realVsftpdFeatReplyIsParsed() throws Exception {
        Reply reply = replyFromResource("/feat/vsftpd-3.0.3.txt");

        FeatureSet features = FeatureSet.parse(reply);

        assertThat(features.features()).extracting(Feature::line)
                .containsExactly("EPRT", "EPSV", "MDTM", "PASV", "REST STREAM", "SIZE", "TVFS");
        assertThat(features.has("REST", "STREAM")).isTrue();
        assertThat(features.has("rest", "stream")).isTrue();
        assertThat(features.has("MLST")).isFalse();
        assertThat(features.has("AUTH", "TLS")).isFalse();
    }

    @Test
    void repeatedLabelsAreAllKept() throws Exception {
        FeatureSet features = FeatureSet.parse(
                Reply.of(211, List.of("Features:", " AUTH SSL", " AUTH TLS", " UTF8", "End")));

        assertThat(features.has("AUTH", "TLS")).isTrue();
        assertThat(features.has("AUTH", "SSL")).isTrue();
        assertThat(features.has("AUTH", "TLS-C")).isFalse();
        assertThat(features.parameters("AUTH")).contains("SSL");
        assertThat(features.has("utf8")).isTrue();
    }

    @Test
    void singleLine211MeansNoFeatures() throws Exception {
        assertThat(FeatureSet.parse(Reply.of(211, "No features")).features()).isEmpty();
    }

    @Test
    void middleLinesRepeatingTheCodeAreTolerated() throws Exception {
        FeatureSet features = FeatureSet.parse(Reply.of(211, List.of("Features:", "211-SIZE", "MDTM", "", "End")));

        assertThat(features.features()).extracting(Feature::name).containsExactly("SIZE", "MDTM");
    }

    @Test
    void otherReplyCodesAreNotFeatureListings() {
        assertThatThrownBy(() -> FeatureSet.parse(Reply.of(500, "Unknown command")))
                .isInstanceOf(FtpProtocolException.class);
        assertThatThrownBy(() -> FeatureSet.parse(Reply.of(211, List.of("Features:", " ÜTF8", "End"))))
                .isInstanceOf(FtpProtocolException.class);
    }

    @Test
    void toReplyWritesTheRfc2389Layout() {
        FeatureSet features = FeatureSet.of(Feature.of("mlst", "type*;size*;modify*;"), Feature.of("UTF8"));

        assertThat(features.toReply().encode())
                .isEqualTo("211-Features:\r\n MLST type*;size*;modify*;\r\n UTF8\r\n211 End\r\n");
        assertThat(FeatureSet.EMPTY.toReply().encode()).isEqualTo("211 No features\r\n");
    }

    @Test
    void featureRefusesLabelsWithSpacesAndParametersWithLineBreaks() {
        assertThatThrownBy(() -> Feature.of("RE ST")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Feature.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Feature.of("REST", "STREAM\r\n211 End"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Reply replyFromResource(String name) throws Exception {
        try (InputStream in = FeatureSetTest.class.getResourceAsStream(name)) {
            return ReplyParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
