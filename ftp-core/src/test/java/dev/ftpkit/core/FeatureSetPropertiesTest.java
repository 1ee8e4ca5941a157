package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FeatureSetPropertiesTest {

    @Provide
    Arbitrary<FeatureSet> featureSets() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> params = Arbitraries.strings().excludeChars('\r', '\n', '\0').ofMaxLength(30);
        Arbitrary<Feature> feature = Combinators.combine(label, params).as(Feature::new);
        return feature.list().ofMaxSize(8).map(FeatureSet::new);
    }

    @Property(tries = 1000)
    void toReplyThenParseGivesTheFeaturesBack(@ForAll("featureSets") FeatureSet features) throws Exception {
        assertThat(FeatureSet.parse(features.toReply())).isEqualTo(features);
    }

    @Property(tries = 1000)
    void featuresSurviveTheWireFormat(@ForAll("featureSets") FeatureSet features) throws Exception {
        assertThat(FeatureSet.parse(ReplyParser.parse(features.toReply().encode()))).isEqualTo(features);
    }

    @Property(tries = 1000)
    void everyAnnouncedFeatureIsFound(@ForAll("featureSets") FeatureSet features) {
        for (Feature f : features.features()) {
            assertThat(features.has(f.name().toLowerCase(java.util.Locale.ROOT))).isTrue();
        }
    }

    @Provide
    Arbitrary<List<String>> junkLines() {
        return Arbitraries.strings().excludeChars('\r', '\n', '\0').ofMaxLength(40).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 1000)
    void arbitraryReplyLinesGiveFeaturesOrFtpProtocolException(@ForAll("junkLines") List<String> lines,
            @ForAll("codes") int code) {
        try {
            FeatureSet features = FeatureSet.parse(Reply.of(code, lines));
            assertThat(FeatureSet.parse(features.toReply())).isEqualTo(features);
        } catch (FtpProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<Integer> codes() {
        return Arbitraries.of(211, 211, 211, 500, 502, 214);
    }
}
