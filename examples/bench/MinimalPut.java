import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The least a JVM started per command does to upload a file over FTP, for whole_process.py's floor-put row:
 * {@code java MinimalPut FILE ftp://HOST:PORT/PATH} logs in anonymously, sends TYPE I, PASV and STOR PATH, copies the
 * file and waits for the 226. One class, no options, no TLS, no listener, no logging, no retry; any unexpected reply
 * exits 1. Timed beside {@code curl -T}, with a class-data archive of its own, it shows what a JVM command costs
 * whatever its code does: not a client, a measuring stick.
 */
public final class MinimalPut {

    private final BufferedReader replies;
    private final OutputStream commands;

    private MinimalPut(Socket control) throws IOException {
        replies = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.US_ASCII));
        commands = control.getOutputStream();
    }

    public static void main(String[] args) throws IOException {
        URI target = URI.create(args[1]);
        String host = target.getHost();
        try (Socket control = new Socket(host, target.getPort())) {
            MinimalPut ftp = new MinimalPut(control);
            ftp.expect(null, '2');
            ftp.expect("USER anonymous", '3');
            ftp.expect("PASS ftpkit@", '2');
            ftp.expect("TYPE I", '2');
            String passive = ftp.expect("PASV", '2');
            String[] fields = passive.substring(passive.indexOf('(') + 1, passive.indexOf(')')).split(",");
            int port = Integer.parseInt(fields[4].trim()) * 256 + Integer.parseInt(fields[5].trim());
            try (Socket data = new Socket(host, port)) {
                ftp.expect("STOR " + target.getPath().substring(1), '1');
                try (InputStream file = new FileInputStream(args[0]); OutputStream out = data.getOutputStream()) {
                    file.transferTo(out);
                }
            }
            ftp.expect(null, '2');
            ftp.expect("QUIT", '2');
        }
    }

    /** Sends the command (none: only reads), reads its reply; exits 1 unless the reply's first digit is as given. */
    private String expect(String command, char digit) throws IOException {
        if (command != null) {
            commands.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            commands.flush();
        }
        String first = replies.readLine();
        boolean complete = first != null;
        if (complete && first.length() > 3 && first.charAt(3) == '-') {
            // a multi-line reply ends with its code and a space (RFC 959 4.2); bounded by the server's reply
            String end = first.substring(0, 3) + " ";
            String line;
            do {
                line = replies.readLine();
            } while (line != null && !line.startsWith(end));
            complete = line != null;
        }
        if (!complete || first.charAt(0) != digit) {
            System.err.println("MinimalPut: " + command + " answered " + first);
            System.exit(1);
        }
        return first;
    }
}
