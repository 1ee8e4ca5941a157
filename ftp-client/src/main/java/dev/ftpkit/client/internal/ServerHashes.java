package dev.ftpkit.client.internal;

import dev.ftpkit.client.FileHash;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.core.FeatureSet;
import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks a server for a file's hash with the best command it offers: HASH (draft-bryan-ftpext-hash-02 §3, reply
 * {@code 213 ALGORITHM START-END HEX NAME}), else the older XSHA256, XSHA1, XMD5, XCRC (reply {@code 250 HEX} or
 * {@code 213 HEX}). The reply parsers are pure.
 */
public final class ServerHashes {

    /** The older one-algorithm commands, strongest first, with the algorithm each computes. */
    private static final List<Map.Entry<String, String>> LEGACY = List.of(
            Map.entry("XSHA256", "SHA-256"), Map.entry("XSHA1", "SHA-1"),
            Map.entry("XMD5", "MD5"), Map.entry("XCRC", "CRC32"));

    private ServerHashes() {
    }

    /** Whether the features name any of the hash commands {@link #ask} uses. */
    public static boolean offered(FeatureSet features) {
        return features.has("HASH") || LEGACY.stream().anyMatch(legacy -> features.has(legacy.getKey()));
    }

    /**
     * Asks for the hash of {@code path}.
     *
     * @return the hash, or empty when the server's FEAT names none of the hash commands
     */
    public static Optional<FileHash> ask(FtpClient client, String path) throws IOException {
        FeatureSet features = client.features();
        if (features.has("HASH")) {
            String parameters = features.parameters("HASH").orElse("");
            String preferred = preferredAlgorithm(parameters);
            if (!preferred.isEmpty() && !preferred.equals(selectedAlgorithm(parameters))) {
                // draft-bryan-ftpext-hash-02 §4: OPTS HASH chooses the algorithm; a refusal keeps the selected one.
                client.sendCommand("OPTS", "HASH " + preferred);
            }
            return Optional.of(parseHashReply(expect(client, "HASH", path)));
        }
        for (Map.Entry<String, String> legacy : LEGACY) {
            if (features.has(legacy.getKey())) {
                return Optional.of(parseLegacyReply(legacy.getValue(), expect(client, legacy.getKey(), path)));
            }
        }
        return Optional.empty();
    }

    private static Reply expect(FtpClient client, String verb, String path) throws IOException {
        Reply reply = client.sendCommand(verb, path);
        if (!reply.code().isPositiveCompletion()) {
            throw new FtpReplyException(verb + " " + path, reply);
        }
        return reply;
    }

    /** The algorithm marked with {@code *} in the HASH feature's list, or "" when none is marked. */
    static String selectedAlgorithm(String parameters) {
        for (String item : parameters.split(";")) {
            String name = item.strip();
            if (name.endsWith("*")) {
                String canonical = FileHash.canonicalAlgorithm(name.substring(0, name.length() - 1));
                return canonical == null ? "" : canonical;
            }
        }
        return "";
    }

    /** The strongest algorithm of the HASH feature's list that the client knows, or "" when it knows none. */
    static String preferredAlgorithm(String parameters) {
        String best = "";
        int bestRank = Integer.MAX_VALUE;
        for (String item : parameters.split(";")) {
            String canonical = FileHash.canonicalAlgorithm(item.strip().replace("*", ""));
            int rank = canonical == null ? -1 : FileHash.ALGORITHMS.indexOf(canonical);
            if (rank >= 0 && rank < bestRank) {
                best = canonical;
                bestRank = rank;
            }
        }
        return best;
    }

    /**
     * Parses a HASH reply: {@code 213 SHA-256 0-1234 4a5b... name} (the name may contain spaces).
     *
     * @throws FtpProtocolException if the reply does not have that shape
     */
    static FileHash parseHashReply(Reply reply) throws FtpProtocolException {
        String[] parts = reply.firstLine().strip().split(" ", 4);
        if (parts.length < 3) {
            throw new FtpProtocolException("HASH reply is not 'ALGORITHM RANGE HEX NAME': " + reply.firstLine());
        }
        return hash(parts[0], parts[2], reply);
    }

    /**
     * Parses an XSHA256/XSHA1/XMD5/XCRC reply: the value is the reply's first word.
     *
     * @throws FtpProtocolException if the first word is not a hex value
     */
    static FileHash parseLegacyReply(String algorithm, Reply reply) throws FtpProtocolException {
        String text = reply.firstLine().strip();
        int space = text.indexOf(' ');
        return hash(algorithm, space < 0 ? text : text.substring(0, space), reply);
    }

    private static FileHash hash(String algorithm, String hex, Reply reply) throws FtpProtocolException {
        try {
            return new FileHash(algorithm, hex);
        } catch (IllegalArgumentException e) {
            throw new FtpProtocolException("hash reply not understood: " + reply.firstLine(), e);
        }
    }
}
