package dev.ftpkit.client.internal;

import dev.ftpkit.client.RemoteNames;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.MlsxEntry;
import dev.ftpkit.core.list.ListEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** Listings read over a data connection: LIST, NLST and MLSD (RFC 3659 §7) as lines, names or entries. */
final class Listings {

    /** The largest listing read into memory: 64 MiB, several hundred thousand entries. */
    private static final int MAX_LISTING_BYTES = 64 * 1024 * 1024;

    /** The names of the directory itself and its parent in a Unix-style LIST ({@code ls -a}). */
    private static final Set<String> SELF_AND_PARENT = Set.of(".", "..");

    private final Transfers transfers;
    /** The session's encoding, which may change after FEAT. */
    private final Supplier<Charset> charset;

    Listings(Transfers transfers, Supplier<Charset> charset) {
        this.transfers = transfers;
        this.charset = charset;
    }

    /**
     * MLSD: one entry per line; a line whose facts do not parse is kept as an unparsed entry. The {@code cdir} and
     * {@code pdir} entries are left out: RFC 3659 §7.5.1 says they name the listed directory and its parent, which
     * are not among its contents.
     */
    List<ListEntry> machineListing(String path) throws IOException {
        List<ListEntry> entries = new ArrayList<>();
        for (String line : readLines(Command.of("MLSD", path))) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                MlsxEntry entry = MlsxEntry.parse(line);
                if (!namesTheDirectoryItself(entry)) {
                    entries.add(ListEntry.fromMlsx(entry));
                }
            } catch (FtpProtocolException e) {
                entries.add(ListEntry.unparsed(line));
            }
        }
        return entries;
    }

    /**
     * A parsed LIST without the {@code .} and {@code ..} directory lines some servers add (as {@code ls -a} does).
     * Other entries with those names are returned as they came: a server that lists them as files is wrong, and
     * callers that turn names into paths must refuse them anyway.
     */
    static List<ListEntry> withoutSelfAndParent(List<ListEntry> parsed) {
        List<ListEntry> entries = new ArrayList<>();
        for (ListEntry entry : parsed) {
            if (!(entry.isDirectory() && SELF_AND_PARENT.contains(entry.name()))) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static boolean namesTheDirectoryItself(MlsxEntry entry) {
        String type = entry.type().orElse("").toLowerCase(Locale.ROOT);
        return type.equals("cdir") || type.equals("pdir");
    }

    List<String> listLines(String path) throws IOException {
        return readLines(Command.of("LIST", path));
    }

    /** NLST: the names, empty lines left out. */
    List<String> names(String path) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : readLines(Command.of("NLST", path))) {
            if (!line.isEmpty()) {
                names.add(line);
            }
        }
        return names;
    }

    /** Reads a listing: lines split on LF, a CR before it removed. */
    private List<String> readLines(Command command) throws IOException {
        DataTransfer transfer = transfers.openDownload(command, 0);
        byte[] data;
        try (InputStream in = transfer.input()) {
            // Bounded: a listing larger than this is refused (closing early aborts the transfer).
            data = in.readNBytes(MAX_LISTING_BYTES + 1);
            if (data.length > MAX_LISTING_BYTES) {
                throw new FtpProtocolException(command.verb() + " listing is larger than " + MAX_LISTING_BYTES
                        + " bytes; refused");
            }
        }
        String text = RemoteNames.decode(data, charset.get());
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int lf = text.indexOf('\n', start);
            int end = lf < 0 ? text.length() : lf;
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, stop));
            start = end + 1;
        }
        return lines;
    }
}
