package dev.ftpkit.server.security;

import dev.ftpkit.core.Reply;
import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * STOU is not unique (issue 13, attack 6): sessions that send {@code STOU stou-T} at the same time must each get
 * a name of their own (RFC 959 §4.1.3: "the resultant file is to be created ... under a name unique to that
 * directory") and each file must hold its own upload: none is silently overwritten.
 */
class StouCollisionTest extends SecurityFixture {

    private static final int SESSIONS = 3;
    /** RFC 1123 §4.1.2.9: the 150 reply of STOU carries the name as {@code FILE: pppp}. */
    private static final Pattern FILE_NAME = Pattern.compile("FILE: (\\S+)");

    @ParameterizedTest(name = "atomic uploads {0}")
    @ValueSource(booleans = {true, false})
    void concurrentStouOfOneNameCreatesDistinctFilesWithTheirOwnBytes(boolean atomicUploads) throws Exception {
        server = Security.server(root).atomicUploads(atomicUploads).build().start();
        List<RawFtp> sessions = new ArrayList<>();
        List<Socket> data = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try {
            // every session is inside its STOU (150 sent, data not yet) before any of them sends a byte
            for (int i = 0; i < SESSIONS; i++) {
                RawFtp ftp = RawFtp.login(server.port());
                sessions.add(ftp);
                data.add(ftp.passive());
                Reply opening = ftp.expect(150, "STOU stou-T");
                Matcher name = FILE_NAME.matcher(opening.text());
                assertThat(name.find()).as(opening.encode()).isTrue();
                names.add(name.group(1));
            }
            for (int i = 0; i < SESSIONS; i++) {
                try (Socket socket = data.get(i); OutputStream out = socket.getOutputStream()) {
                    out.write(contentOf(i));
                }
                assertThat(sessions.get(i).read().codeValue()).isEqualTo(226);
            }
        } finally {
            for (RawFtp ftp : sessions) {
                ftp.close();
            }
        }
        Set<String> distinct = new HashSet<>(names);
        assertThat(distinct).hasSize(SESSIONS);
        for (int i = 0; i < SESSIONS; i++) {
            assertThat(Files.readAllBytes(root.resolve(names.get(i)))).isEqualTo(contentOf(i));
        }
        Security.bystanderIsServed(server);
    }

    private static byte[] contentOf(int session) {
        return ("upload of session " + session + "\n").repeat(1000).getBytes(StandardCharsets.US_ASCII);
    }
}
