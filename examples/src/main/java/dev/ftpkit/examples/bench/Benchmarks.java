package dev.ftpkit.examples.bench;

import dev.ftpkit.examples.bench.Interleaved.Trial;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmarks themselves: each group builds its trials and hands them to {@link Interleaved}; the servers run
 * for the whole run. Group and operation names are the keys the {@link Report} reads.
 */
final class Benchmarks {

    static final String SERVER = "server";
    static final String CLIENT = "client";
    static final String LIST = "list";
    static final String LOGIN = "login";
    static final String CONCURRENT = "concurrent";
    static final String MEMORY = "memory";
    static final String STRATEGIES = "strategies";
    static final String SEND = "file to socket";
    static final String RECEIVE = "socket to file";
    static final String COPY = "copy";
    static final String CEILING = "loopback ceiling";
    static final String VSFTPD = "vsftpd";
    static final String CURL = "curl";

    /** Connections being opened at once in the many-clients benchmark. */
    static final int CONNECTS_AT_ONCE = 16;

    private final BenchSettings settings;
    private final Workspace workspace;
    private final PrintStream progress;
    private final Results results = new Results();
    private final Map<String, BenchServer.Running> servers = new LinkedHashMap<>();
    private final Map<String, BenchServer> contenders = new LinkedHashMap<>();
    private final List<BenchClient> clients;
    private final Optional<CurlClient> curl;

    Benchmarks(BenchSettings settings, Workspace workspace, List<BenchClient> clients, Optional<CurlClient> curl,
            PrintStream progress) {
        this.settings = settings;
        this.workspace = workspace;
        this.clients = clients;
        this.curl = curl;
        this.progress = progress;
    }

    Results results() {
        return results;
    }

    Map<String, BenchServer.Running> servers() {
        return servers;
    }

    /** Starts a server for the rest of the run. */
    void start(BenchServer server) throws Exception {
        servers.put(server.name(), server.start(workspace.root(), workspace.serverDir(server.name())));
        contenders.put(server.name(), server);
    }

    void stopServers() {
        for (BenchServer.Running running : servers.values()) {
            try {
                running.close();
            } catch (Exception e) {
                progress.println("  stopping a server failed: " + e);
            }
        }
        servers.clear();
    }

    /**
     * (1) Each server with curl as the client: RETR into /dev/null and STOR of the big file from the run's directory
     * (a disk file system by default, page cache warm: where servers keep their files), and again from tmpfs
     * ({@link #TMPFS}, rows "RETR (tmpfs)" and "STOR (tmpfs)", served by a second instance of each server) unless
     * the run's directory is tmpfs already; plus the ceiling. sendfile from tmpfs is slow on some kernels, so a
     * server that always uses it is fast in one row and slow in the other (issue 21).
     */
    void serverThroughput(LoopbackCeiling ceiling) throws Exception {
        if (curl.isEmpty()) {
            progress.println("  skipped: curl not found");
            return;
        }
        CurlClient client = curl.get();
        List<Trial> trials = new ArrayList<>();
        for (Map.Entry<String, BenchServer.Running> entry : servers.entrySet()) {
            transferTrials(trials, client, "", workspace, entry.getKey(), entry.getValue());
        }
        List<BenchServer.Running> second = new ArrayList<>();
        try (Workspace tmpfs = tmpfsWorkspace().orElse(null)) {
            if (tmpfs != null) {
                for (Map.Entry<String, BenchServer> entry : contenders.entrySet()) {
                    BenchServer.Running running = entry.getValue().start(tmpfs.root(), tmpfs.serverDir(entry.getKey()));
                    second.add(running);
                    transferTrials(trials, client, " (tmpfs)", tmpfs, entry.getKey(), running);
                }
            }
            trials.add(new Trial(COPY, CEILING, () -> ceiling.copy(settings.fileBytes())));
            Interleaved.run(SERVER, trials, settings.warmups(), settings.rounds(), results, progress);
        } finally {
            for (BenchServer.Running running : second) {
                running.close();
            }
        }
    }

    static final Path TMPFS = Path.of("/dev/shm");

    /** A workspace on tmpfs for the second rows, unless there is none or the run's files are on tmpfs already. */
    private Optional<Workspace> tmpfsWorkspace() throws IOException {
        if (!Files.isDirectory(TMPFS) || !Machine.filesystem(TMPFS).equals("tmpfs")
                || Machine.filesystem(workspace.dir()).equals("tmpfs")) {
            return Optional.empty();
        }
        return Optional.of(Workspace.create(TMPFS, settings.withListEntries(0)));
    }

    private void transferTrials(List<Trial> trials, CurlClient client, String where, Workspace files, String name,
            BenchServer.Running server) {
        Endpoint endpoint = Endpoint.anonymous(server.port());
        trials.add(new Trial("RETR" + where, name, () -> timedOnServer(server, settings.fileBytes(),
                () -> client.retrieveToNull(endpoint, Workspace.BIG))));
        String upload = "/upload/" + slug(name) + ".bin";
        trials.add(new Trial("STOR" + where, name, () -> {
            Sample sample = timedOnServer(server, settings.fileBytes(),
                    () -> client.store(endpoint, files.bigFile(), upload));
            requireSize(files.root().resolve(upload.substring(1)), settings.fileBytes());
            return sample;
        }, files::clearTransfers));
    }

    /** (2) Each client against vsftpd: RETR into a local file and STOR from one; plus the ceiling. */
    void clientThroughput(LoopbackCeiling ceiling) {
        BenchServer.Running vsftpd = servers.get(VSFTPD);
        if (vsftpd == null) {
            progress.println("  skipped: vsftpd not running");
            return;
        }
        Endpoint endpoint = Endpoint.anonymous(vsftpd.port());
        List<Trial> trials = new ArrayList<>();
        for (BenchClient client : clients) {
            Path local = workspace.local().resolve(slug(client.name()) + ".bin");
            trials.add(new Trial("RETR", client.name(), () -> {
                Sample sample = timedOnClient(client, settings.fileBytes(),
                        () -> client.retrieve(endpoint, Workspace.BIG, local));
                requireSize(local, settings.fileBytes());
                return sample;
            }, workspace::clearTransfers));
            String upload = "/upload/" + slug(client.name()) + ".bin";
            trials.add(new Trial("STOR", client.name(), () -> {
                Sample sample = timedOnClient(client, settings.fileBytes(),
                        () -> client.store(endpoint, workspace.bigFile(), upload));
                requireSize(workspace.root().resolve(upload.substring(1)), settings.fileBytes());
                return sample;
            }, workspace::clearTransfers));
        }
        trials.add(new Trial(COPY, CEILING, () -> ceiling.copy(settings.fileBytes())));
        Interleaved.run(CLIENT, trials, settings.warmups(), settings.rounds(), results, progress);
    }

    /** (3b) How Java can move a file to and from a socket, without FTP: heap streams, direct channels, transferTo. */
    void copyStrategies() throws IOException {
        try (CopyStrategies strategies = new CopyStrategies()) {
            List<Trial> trials = new ArrayList<>();
            Path received = workspace.local().resolve("received.bin");
            for (CopyStrategies.Strategy strategy : CopyStrategies.Strategy.values()) {
                trials.add(new Trial(SEND, strategy.label, () -> strategies.send(strategy, workspace.bigFile())));
                trials.add(new Trial(RECEIVE, strategy.label,
                        () -> strategies.receive(strategy, received, settings.fileBytes()), workspace::clearTransfers));
            }
            Interleaved.run(STRATEGIES, trials, settings.warmups(), settings.rounds(), results, progress);
        }
    }

    /** (4) LIST (and MLSD where the server has it) of the big directory, over one logged-in session per sample. */
    void listings() {
        List<Trial> trials = new ArrayList<>();
        for (Map.Entry<String, BenchServer.Running> entry : servers.entrySet()) {
            Endpoint endpoint = Endpoint.anonymous(entry.getValue().port());
            trials.add(new Trial("LIST", entry.getKey(), () -> listing(endpoint, "LIST " + Workspace.LISTED)));
            if (entry.getValue().supportsMlsd()) {
                trials.add(new Trial("MLSD", entry.getKey(), () -> listing(endpoint, "MLSD " + Workspace.LISTED)));
            }
        }
        Interleaved.run(LIST, trials, settings.warmups(), settings.rounds(), results, progress);
    }

    private Sample listing(Endpoint endpoint, String command) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (RawFtp ftp = RawFtp.connect(endpoint)) {
            ftp.login(endpoint.user(), endpoint.password());
            long start = System.nanoTime();
            for (int i = 0; i < settings.listRepeats(); i++) {
                int lines = ftp.listing(command, buffer);
                if (lines < settings.listEntries()) {
                    throw new IOException(command + " gave " + lines + " lines for " + settings.listEntries() + " entries");
                }
            }
            long nanos = System.nanoTime() - start;
            ftp.quit();
            return Sample.operations(nanos, settings.listRepeats(), 0, null);
        }
    }

    /** (5) Logins per second: connect, greeting, USER, PASS, QUIT; one client after the other, and many at once. */
    void logins() throws InterruptedException {
        String parallel = settings.parallelLogins() + " parallel";
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallelLogins());
        try {
            List<Trial> trials = new ArrayList<>();
            for (Map.Entry<String, BenchServer.Running> entry : servers.entrySet()) {
                int port = entry.getValue().port();
                Endpoint anonymous = Endpoint.anonymous(port);
                trials.add(new Trial("anonymous, sequential", entry.getKey(), () -> logins(anonymous, 1, pool)));
                trials.add(new Trial("anonymous, " + parallel, entry.getKey(),
                        () -> logins(anonymous, settings.parallelLogins(), pool)));
                if (!entry.getValue().passwordHashing().isEmpty()) {
                    Endpoint account = new Endpoint("127.0.0.1", port, BenchServer.PASSWORD_USER, BenchServer.PASSWORD);
                    trials.add(new Trial("password, sequential", entry.getKey(), () -> logins(account, 1, pool)));
                    trials.add(new Trial("password, " + parallel, entry.getKey(),
                            () -> logins(account, settings.parallelLogins(), pool)));
                }
            }
            Interleaved.run(LOGIN, trials, settings.warmups(), settings.rounds(), results, progress);
        } finally {
            shutdown(pool);
        }
    }

    /** Each client from a loopback address of its own ({@link SourceAddresses}), as real users log in. */
    private Sample logins(Endpoint endpoint, int clients, ExecutorService pool) throws Exception {
        return LoginRate.measure(clients, pool, settings.loginWindow(), client -> () -> {
            try (RawFtp ftp = RawFtp.connect(endpoint, SourceAddresses.of(client))) {
                ftp.login(endpoint.user(), endpoint.password());
                ftp.quit();
            }
        });
    }

    /** (7) Many clients at once, each downloading (then uploading) the medium file; aggregate throughput. */
    void concurrency() throws InterruptedException {
        int clients = settings.concurrentClients();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Trial> trials = new ArrayList<>();
            for (Map.Entry<String, BenchServer.Running> entry : servers.entrySet()) {
                Endpoint endpoint = Endpoint.anonymous(entry.getValue().port());
                trials.add(new Trial("RETR", entry.getKey(), () -> manyClients(endpoint, pool, false)));
                trials.add(new Trial("STOR", entry.getKey(), () -> manyClients(endpoint, pool, true),
                        workspace::clearTransfers));
            }
            Interleaved.run(CONCURRENT, trials, 0, settings.concurrentRounds(), results, progress);
        } finally {
            shutdown(pool);
        }
    }

    private Sample manyClients(Endpoint endpoint, ExecutorService pool, boolean upload) throws Exception {
        int clients = settings.concurrentClients();
        long size = settings.concurrentFileBytes();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        // Connections are opened CONNECTS_AT_ONCE at a time (each until its greeting), the way a pool ramps up: a
        // burst of all of them at the same instant overflows vsftpd's listen backlog of 32 and measures the
        // kernel's SYN retransmission timers instead of the servers.
        Semaphore connecting = new Semaphore(CONNECTS_AT_ONCE);
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String target = "/upload/c-" + i + ".bin";
            futures.add(pool.submit(() -> {
                byte[] buffer = new byte[64 * 1024];
                ready.countDown();
                go.await(60, TimeUnit.SECONDS);
                if (!connecting.tryAcquire(60, TimeUnit.SECONDS)) {
                    failed.incrementAndGet();
                    return null;
                }
                RawFtp connection;
                try {
                    connection = RawFtp.connect(endpoint);
                } catch (IOException e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, "connect: " + e);
                    return null;
                } finally {
                    connecting.release();
                }
                try (RawFtp ftp = connection) {
                    ftp.login(endpoint.user(), endpoint.password());
                    if (upload) {
                        ftp.store(target, workspace.mediumContent(), buffer.length);
                    } else if (ftp.retrieve(Workspace.MEDIUM, buffer) != size) {
                        throw new IOException("short download");
                    }
                    ftp.quit();
                } catch (IOException e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, e.toString());
                }
                return null;
            }));
        }
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IOException("clients did not start");
        }
        long start = System.nanoTime();
        go.countDown();
        awaitAll(futures);
        long nanos = System.nanoTime() - start;
        if (upload) {
            for (int i = 0; i < clients; i++) {
                Path file = workspace.upload().resolve("c-" + i + ".bin");
                if (!Files.exists(file) || Files.size(file) != size) {
                    failed.incrementAndGet();
                }
            }
            failed.set(Math.min(failed.get(), clients));
        }
        long ok = clients - failed.get();
        return new Sample(nanos / 1e9, ok * size, ok, Double.NaN, Double.NaN, failed.get(), firstFailure.get());
    }

    static Sample timedOnServer(BenchServer.Running server, long bytes, Action transfer)
            throws Exception {
        long cpu = server.cpuNanos();
        long machine = Cpu.machineNanos();
        long start = System.nanoTime();
        transfer.run();
        long nanos = System.nanoTime() - start;
        long machineNanos = Cpu.machineNanos() - machine;
        return Sample.transfer(nanos, bytes, server.cpuNanos() - cpu, machineNanos);
    }

    static Sample timedOnClient(BenchClient client, long bytes, Action transfer) throws Exception {
        long cpu = client.cpuNanos();
        long machine = Cpu.machineNanos();
        long start = System.nanoTime();
        transfer.run();
        long nanos = System.nanoTime() - start;
        long machineNanos = Cpu.machineNanos() - machine;
        return Sample.transfer(nanos, bytes, client.cpuNanos() - cpu, machineNanos);
    }

    static void requireSize(Path file, long size) throws IOException {
        long actual = Files.exists(file) ? Files.size(file) : -1;
        if (actual != size) {
            throw new IOException(file.getFileName() + " has " + actual + " bytes, expected " + size);
        }
    }

    private static void awaitAll(List<Future<?>> futures) throws Exception {
        for (Future<?> future : futures) {
            future.get(10, TimeUnit.MINUTES);
        }
    }

    static void shutdown(ExecutorService pool) throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** A transfer whose result the sample does not need. */
    interface Action {
        Object run() throws Exception;
    }

    static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
