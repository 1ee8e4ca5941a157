package dev.ftpkit.client.sync;

import dev.ftpkit.client.FileHash;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.TransferListener;
import dev.ftpkit.client.internal.ServerHashes;
import dev.ftpkit.core.FeatureSet;
import dev.ftpkit.core.FtpReplyException;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of a {@link Mirror}: list both sides on the main connection, plan, then create directories, copy files on
 * the worker connections, and delete, reporting each step.
 */
final class MirrorRun {

    private final MirrorSettings settings;
    private final List<MirrorResult.Failure> failures = new ArrayList<>();
    private final AtomicInteger filesTransferred = new AtomicInteger();
    private final AtomicLong bytesTransferred = new AtomicLong();
    private int removed;
    private FtpClient main;
    /** Serialises the listener's calls. */
    private final Object listenerLock = new Object();

    MirrorRun(MirrorSettings settings) {
        this.settings = settings;
    }

    MirrorResult run() throws IOException {
        if (!settings.downloading() && !Files.isDirectory(settings.localDir())) {
            // An empty source would make the plan delete the whole remote tree.
            throw new java.nio.file.NoSuchFileException(settings.localDir().toString(), null, "not a directory");
        }
        main = settings.endpoint().connect(TransferListener.NONE);
        try {
            FeatureSet features = main.features();
            boolean hashOffered = settings.verify() && ServerHashes.offered(features);
            // vsftpd lists a missing directory as empty: ask CWD whether the root is there, so a download from a
            // mistyped path never deletes the local tree.
            boolean remoteRootExists = RemoteTree.isDirectory(main, settings.remoteDir());
            if (!remoteRootExists && settings.downloading()) {
                throw new FtpReplyException("CWD " + settings.remoteDir(), dev.ftpkit.core.Reply.of(550,
                        settings.remoteDir() + ": no such directory on the server"));
            }
            Map<String, SyncEntry> remote = remoteRootExists
                    ? RemoteTree.read(main, settings.remoteDir(), settings.excludes()) : Map.of();
            Map<String, SyncEntry> local = LocalTree.read(settings.localDir(), settings.excludes());
            boolean setRemoteTimes = !settings.downloading() && features.has("MFMT");
            if (settings.downloading() || setRemoteTimes) {
                RemoteTree.addTimes(main, settings.remoteDir(), remote, local);
            }
            Map<String, SyncEntry> source = settings.downloading() ? remote : local;
            Map<String, SyncEntry> target = settings.downloading() ? local : remote;
            if (hashOffered) {
                addHashes(source, target);
            }
            MirrorPlan plan = MirrorPlan.compute(source, target,
                    new MirrorPlan.Rules(settings.delete(), settings.downloading() || setRemoteTimes));
            settings.listener().planned(plan);
            if (settings.dryRun()) {
                return new MirrorResult(plan, 0, 0, 0, List.of());
            }
            makeRoot(remoteRootExists);
            plan.replaced().forEach(this::remove);
            plan.directories().forEach(this::makeDirectory);
            copyAll(plan, new FileCopier(settings, setRemoteTimes, hashOffered, features.has("MDTM")));
            if (!plan.deletions().isEmpty() && !settings.downloading()) {
                // The main connection idled while the workers copied: the server may have dropped it.
                reconnectIfBroken();
            }
            plan.deletions().forEach(this::remove);
            Connections.quitQuietly(main);
            return new MirrorResult(plan, filesTransferred.get(), bytesTransferred.get(), removed, failures);
        } finally {
            main.close();
        }
    }

    /** Files of equal size on both sides get both hashes, so the plan compares content instead of times. */
    private void addHashes(Map<String, SyncEntry> source, Map<String, SyncEntry> target) throws IOException {
        Map<String, SyncEntry> remote = settings.downloading() ? source : target;
        Map<String, SyncEntry> local = settings.downloading() ? target : source;
        for (SyncEntry remoteFile : List.copyOf(remote.values())) {
            SyncEntry localFile = local.get(remoteFile.path());
            if (remoteFile.kind() != SyncEntry.Kind.FILE || localFile == null
                    || localFile.kind() != SyncEntry.Kind.FILE || localFile.size() != remoteFile.size()) {
                continue;
            }
            Optional<FileHash> hash = main.hash(settings.remote(remoteFile.path()));
            if (hash.isPresent()) {
                remote.put(remoteFile.path(), remoteFile.withHash(hash.get()));
                local.put(localFile.path(), localFile.withHash(
                        FileHash.of(settings.local(localFile.path()), hash.get().algorithm())));
            }
        }
    }

    private void makeRoot(boolean remoteRootExists) throws IOException {
        if (settings.downloading()) {
            Files.createDirectories(settings.localDir());
        } else if (!remoteRootExists && !settings.remoteDir().isEmpty()) {
            main.makeDirectory(settings.remoteDir());
        }
    }

    private void makeDirectory(MirrorPlan.Step step) {
        step(step, attempt -> {
            if (settings.downloading()) {
                Files.createDirectories(settings.local(step.entry().path()));
            } else {
                connection(attempt).makeDirectory(settings.remote(step.entry().path()));
            }
        });
    }

    private void remove(MirrorPlan.Step step) {
        boolean directory = step.action() == MirrorPlan.Action.DELETE_DIRECTORY;
        step(step, attempt -> {
            String path = step.entry().path();
            if (settings.downloading()) {
                Files.delete(settings.local(path));
            } else if (directory) {
                connection(attempt).removeDirectory(settings.remote(path));
            } else {
                connection(attempt).delete(settings.remote(path));
            }
            removed++;
        });
    }

    /** The main connection for a step's attempt: a retry (the last attempt failed) first checks it still works. */
    private FtpClient connection(int attempt) throws IOException {
        if (attempt > 1) {
            reconnectIfBroken();
        }
        return main;
    }

    /** Opens the main connection again when a NOOP shows it broke or the server dropped it. */
    private void reconnectIfBroken() throws IOException {
        try {
            main.noop();
        } catch (IOException | IllegalStateException broken) {
            main.close();
            main = settings.endpoint().connect(TransferListener.NONE);
        }
    }

    private interface Work {
        void run(int attempt) throws IOException;
    }

    private void step(MirrorPlan.Step step, Work work) {
        try {
            settings.retry().run(attempt -> {
                work.run(attempt);
                return null;
            });
            synchronized (listenerLock) {
                settings.listener().done(step);
            }
        } catch (IOException e) {
            failed(step, e);
        }
    }

    private void failed(MirrorPlan.Step step, IOException e) {
        synchronized (listenerLock) {
            failures.add(new MirrorResult.Failure(step, e));
            settings.listener().failed(step, e);
        }
    }

    private void copyAll(MirrorPlan plan, FileCopier copier) throws IOException {
        if (plan.transfers().isEmpty()) {
            return;
        }
        ConcurrentLinkedQueue<MirrorPlan.Step> queue = new ConcurrentLinkedQueue<>(plan.transfers());
        int workers = Math.min(settings.parallelism(), plan.transfers().size());
        MirrorCounter counter = new MirrorCounter(new LockedListener(settings.listener(), listenerLock), plan,
                workers);
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "ftpkit-mirror-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    work(worker, queue, copier, counter);
                    return null;
                }));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while mirroring");
        } finally {
            pool.shutdownNow();
        }
    }

    /** One worker: takes files off the queue until it is empty, on one connection opened when first needed. */
    private void work(int worker, ConcurrentLinkedQueue<MirrorPlan.Step> queue, FileCopier copier,
                      MirrorCounter counter) {
        FtpClient[] client = {null};
        try {
            // Bounded: each pass takes one step off the queue, and nothing puts steps back.
            for (MirrorPlan.Step step = queue.poll(); step != null; step = queue.poll()) {
                SyncEntry file = step.entry();
                counter.fileStarted(worker);
                try {
                    settings.retry().run(attempt -> {
                        if (client[0] == null || !client[0].isConnected()) {
                            client[0] = settings.endpoint().connect(progress -> counter.moved(worker, progress));
                        }
                        try {
                            copier.copy(client[0], file, attempt);
                        } catch (IOException e) {
                            if (RetryPolicy.isTransient(e)) {
                                client[0].close();
                            }
                            throw e;
                        }
                        return null;
                    });
                    counter.fileEnded(worker, file.size(), true);
                    filesTransferred.incrementAndGet();
                    bytesTransferred.addAndGet(file.size());
                    synchronized (listenerLock) {
                        settings.listener().done(step);
                    }
                } catch (IOException e) {
                    counter.fileEnded(worker, file.size(), false);
                    failed(step, e);
                }
            }
        } finally {
            if (client[0] != null) {
                Connections.quitQuietly(client[0]);
            }
        }
    }

    /** Passes progress on under the run's listener lock. */
    private record LockedListener(MirrorListener target, Object lock) implements MirrorListener {
        @Override
        public void progress(MirrorProgress progress) {
            synchronized (lock) {
                target.progress(progress);
            }
        }
    }
}
