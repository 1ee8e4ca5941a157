package dev.ftpkit.server.command;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.JailedPath;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.internal.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;

import static dev.ftpkit.server.command.Replies.fail;

/**
 * HASH (draft-bryan-ftpext-hash-02: {@code 213 SHA-256 0-size hex name}, algorithm chosen with OPTS HASH) and the
 * older XSHA256, XSHA1, XMD5, XCRC ({@code 250 hex}).
 */
final class HashCommands {

    private static final int BUFFER_SIZE = 64 * 1024;

    static final List<String> ALGORITHMS = List.of("SHA-256", "SHA-1", "MD5", "CRC32");

    private HashCommands() {
    }

    /** The canonical algorithm name for a client's spelling, or null. */
    static String canonicalName(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (String algorithm : ALGORITHMS) {
            if (algorithm.equals(upper) || algorithm.replace("-", "").equals(upper)) {
                return algorithm;
            }
        }
        return null;
    }

    /** {@code SHA-256*;SHA-1;MD5;CRC32}: the star marks the selected algorithm. */
    static String featureList(String selected) {
        StringBuilder b = new StringBuilder();
        for (String algorithm : ALGORITHMS) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(algorithm);
            if (algorithm.equals(selected)) {
                b.append('*');
            }
        }
        return b.toString();
    }

    static Reply hash(Command command, CommandContext session) throws Exception {
        String algorithm = session.parameters().hashAlgorithm();
        long size;
        String hex;
        try (JailedPath path = readableFile(command, session); SeekableByteChannel file = open(path)) {
            size = file.size();
            hex = digest(file, algorithm);
        }
        return Reply.of(ReplyCodes.FILE_STATUS, algorithm + " 0-" + size + " " + hex + " "
                + Texts.oneLine(command.argument()));
    }

    static Reply xsha256(Command command, CommandContext session) throws Exception {
        return Reply.of(ReplyCodes.FILE_ACTION_OK, digestOf(command, session, "SHA-256"));
    }

    static Reply xsha1(Command command, CommandContext session) throws Exception {
        return Reply.of(ReplyCodes.FILE_ACTION_OK, digestOf(command, session, "SHA-1"));
    }

    static Reply xmd5(Command command, CommandContext session) throws Exception {
        return Reply.of(ReplyCodes.FILE_ACTION_OK, digestOf(command, session, "MD5"));
    }

    static Reply xcrc(Command command, CommandContext session) throws Exception {
        return Reply.of(ReplyCodes.FILE_ACTION_OK, digestOf(command, session, "CRC32"));
    }

    private static String digestOf(Command command, CommandContext session, String algorithm) throws Exception {
        try (JailedPath path = readableFile(command, session); SeekableByteChannel file = open(path)) {
            return digest(file, algorithm);
        }
    }

    /** The file as the jail found it; the caller closes it. */
    private static JailedPath readableFile(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.READ);
        Replies.requireArgument(command);
        JailedPath path = session.locate(command.argument(), true);
        try {
            if (!path.attributes().isRegularFile()) {
                throw fail(ReplyCodes.FILE_UNAVAILABLE, "Not a plain file.");
            }
            return path;
        } catch (Exception e) {
            path.close();
            throw e;
        }
    }

    /** Opens the checked file through its directory handle (a link put there since is not followed). */
    private static SeekableByteChannel open(JailedPath path) throws IOException {
        return path.newByteChannel(Set.of(StandardOpenOption.READ));
    }

    static String digest(SeekableByteChannel file, String algorithm) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        try {
            InputStream in = Channels.newInputStream(file);
            if (algorithm.equals("CRC32")) {
                CRC32 crc = new CRC32();
                for (int n; (n = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, n);
                }
                return String.format(Locale.ROOT, "%08X", crc.getValue());
            }
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }
}
