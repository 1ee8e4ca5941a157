package dev.ftpkit.examples.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Who is measured: ours first, then the servers and clients people would pick instead. */
final class Contenders {

    private final Optional<Path> vsftpd = Machine.find("vsftpd");
    private final Optional<Path> curl = Machine.find("curl");
    private final Optional<Path> python = Machine.find("python3");

    Optional<Path> vsftpd() {
        return vsftpd;
    }

    Optional<Path> curlPath() {
        return curl;
    }

    Optional<CurlClient> curl() {
        return curl.map(CurlClient::new);
    }

    List<BenchServer> servers() {
        List<BenchServer> servers = new ArrayList<>();
        servers.add(new FtpkitServer());
        vsftpd.ifPresent(path -> servers.add(new VsftpdServer(path, python)));
        servers.add(new ApacheFtpServer());
        return servers;
    }

    List<BenchClient> clients() {
        List<BenchClient> clients = new ArrayList<>();
        clients.add(new FtpkitClient());
        curl().ifPresent(clients::add);
        clients.add(new CommonsNetClient(0));
        clients.add(new CommonsNetClient(64 * 1024));
        return clients;
    }

    /** What could not be measured for want of a program. */
    List<String> absent() {
        List<String> notes = new ArrayList<>();
        if (vsftpd.isEmpty()) {
            notes.add("vsftpd is not installed: every vsftpd row and the client benchmarks (they run against vsftpd) are missing");
        }
        if (curl.isEmpty()) {
            notes.add("curl is not installed: the server throughput benchmark (curl is its client) and curl's client rows are missing");
        }
        if (vsftpd.isPresent() && python.isEmpty()) {
            notes.add("python3 is not installed: vsftpd runs without the subreaper wrapper, and its CPU time misses "
                    + "its orphaned session processes (undercounted)");
        }
        return notes;
    }
}
