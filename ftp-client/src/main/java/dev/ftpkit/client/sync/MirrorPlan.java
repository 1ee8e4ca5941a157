package dev.ftpkit.client.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a mirror will do, computed from the two listings alone ({@link #compute}: a pure function, no I/O). The
 * steps run in this order: {@link #replaced()} (target entries in the way of a source entry of the other kind, only
 * with {@code delete}), {@link #directories()} to create (parents first), {@link #transfers()}, {@link #deletions()}
 * (only with {@code delete}; files, then directories deepest first); {@link #skipped()} lists what is reported and
 * left alone.
 *
 * @param replaced    target entries removed to make room (files first, then directories deepest first)
 * @param directories directories to create on the target side
 * @param transfers   files to copy from the source side
 * @param deletions   target entries gone on the source side
 * @param skipped     symbolic links, special files and kind conflicts without {@code delete}
 */
public record MirrorPlan(List<Step> replaced, List<Step> directories, List<Step> transfers, List<Step> deletions,
                         List<Step> skipped) {

    /** An empty plan. */
    public static final MirrorPlan NOTHING = new MirrorPlan(List.of(), List.of(), List.of(), List.of(), List.of());

    /**
     * One step.
     *
     * @param action what to do
     * @param entry  the entry it is done for (the source entry for transfers and directories, else the target's)
     * @param reason why, in words ({@code "new"}, {@code "size differs"}, {@code "symbolic link"}...)
     */
    public record Step(Action action, SyncEntry entry, String reason) {
        /**
         * Validates the values.
         */
        public Step {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return action.word + " " + entry.path() + " (" + reason + ")";
        }
    }

    /** The kinds of step. */
    public enum Action {
        /** Create a directory on the target side. */
        MAKE_DIRECTORY("mkdir"),
        /** Copy a file from the source side. */
        TRANSFER("copy"),
        /** Remove a target file. */
        DELETE_FILE("delete"),
        /** Remove a target directory (its contents are removed by earlier steps). */
        DELETE_DIRECTORY("rmdir"),
        /** Leave alone and report. */
        SKIP("skip");

        private final String word;

        Action(String word) {
            this.word = word;
        }

        /**
         * The short word the plan is printed with.
         *
         * @return e.g. {@code copy}, {@code delete}
         */
        public String word() {
            return word;
        }
    }

    /**
     * How entries are compared.
     *
     * @param delete       remove target entries gone on the source side (and entries of the wrong kind in the way)
     * @param compareTimes a file whose modification time differs is copied; off when the target's times cannot be
     *                     set (an upload to a server without MFMT): then size alone decides
     */
    public record Rules(boolean delete, boolean compareTimes) {
    }

    /** Validates and copies the lists. */
    public MirrorPlan {
        replaced = List.copyOf(replaced);
        directories = List.copyOf(directories);
        transfers = List.copyOf(transfers);
        deletions = List.copyOf(deletions);
        skipped = List.copyOf(skipped);
    }

    /**
     * Computes the plan. A file is copied when it is missing on the target side, or when its size differs, or — when
     * both sides carry a hash of the same algorithm — its hash differs (then times are not looked at), or else, with
     * {@code compareTimes}, when the modification times (whole seconds) differ.
     *
     * @param source the source tree by relative path
     * @param target the target tree by relative path
     * @param rules  how to compare
     * @return the plan
     */
    public static MirrorPlan compute(Map<String, SyncEntry> source, Map<String, SyncEntry> target, Rules rules) {
        SortedMap<String, SyncEntry> sources = new TreeMap<>(source);
        SortedMap<String, SyncEntry> targets = new TreeMap<>(target);
        List<Step> replaced = new ArrayList<>();
        List<Step> directories = new ArrayList<>();
        List<Step> transfers = new ArrayList<>();
        List<Step> skipped = new ArrayList<>();
        Set<String> gone = new HashSet<>();
        for (SyncEntry from : sources.values()) {
            SyncEntry to = targets.get(from.path());
            switch (from.kind()) {
                case SYMBOLIC_LINK -> skipped.add(new Step(Action.SKIP, from, "symbolic link"));
                case OTHER -> skipped.add(new Step(Action.SKIP, from, "not a file or directory"));
                case DIRECTORY -> {
                    if (to == null || to.kind() != SyncEntry.Kind.DIRECTORY) {
                        if (to == null || makeRoom(to, targets, rules, replaced, skipped, gone)) {
                            directories.add(new Step(Action.MAKE_DIRECTORY, from, to == null ? "new" : "replaces"));
                        }
                    }
                }
                case FILE -> {
                    if (to == null) {
                        transfers.add(new Step(Action.TRANSFER, from, "new"));
                    } else if (to.kind() == SyncEntry.Kind.FILE) {
                        difference(from, to, rules).ifPresent(why -> transfers.add(new Step(Action.TRANSFER, from,
                                why)));
                    } else if (makeRoom(to, targets, rules, replaced, skipped, gone)) {
                        transfers.add(new Step(Action.TRANSFER, from, "replaces a " + describe(to)));
                    }
                }
            }
        }
        List<Step> deletions = new ArrayList<>();
        if (rules.delete()) {
            for (SyncEntry to : targets.values()) {
                if (!sources.containsKey(to.path()) && !gone.contains(to.path())) {
                    removal(to, deletions, skipped);
                }
            }
        }
        return new MirrorPlan(deepestLast(replaced), directories, transfers, deepestLast(deletions), skipped);
    }

    /** A target entry of the wrong kind is in the way: removed with its contents under {@code delete}. */
    private static boolean makeRoom(SyncEntry to, SortedMap<String, SyncEntry> targets, Rules rules,
                                    List<Step> replaced, List<Step> skipped, Set<String> gone) {
        if (!rules.delete() || to.kind() == SyncEntry.Kind.SYMBOLIC_LINK || to.kind() == SyncEntry.Kind.OTHER) {
            skipped.add(new Step(Action.SKIP, to, "a " + describe(to) + " on the target side is in the way"
                    + (rules.delete() ? "" : " (delete replaces it)")));
            return false;
        }
        List<SyncEntry> doomed = new ArrayList<>();
        doomed.add(to);
        doomed.addAll(targets.subMap(to.path() + "/", to.path() + "0").values());
        for (SyncEntry entry : doomed) {
            gone.add(entry.path());
            removal(entry, replaced, skipped);
        }
        return true;
    }

    private static void removal(SyncEntry to, List<Step> steps, List<Step> skipped) {
        switch (to.kind()) {
            case FILE -> steps.add(new Step(Action.DELETE_FILE, to, "gone on the source side"));
            case DIRECTORY -> steps.add(new Step(Action.DELETE_DIRECTORY, to, "gone on the source side"));
            default -> skipped.add(new Step(Action.SKIP, to, describe(to) + " gone on the source side, not deleted"));
        }
    }

    private static String describe(SyncEntry entry) {
        return switch (entry.kind()) {
            case FILE -> "file";
            case DIRECTORY -> "directory";
            case SYMBOLIC_LINK -> "symbolic link";
            case OTHER -> "special file";
        };
    }

    /** Why {@code from} must be copied over {@code to}, or empty when they are the same. */
    static Optional<String> difference(SyncEntry from, SyncEntry to, Rules rules) {
        if (from.size() != to.size()) {
            return Optional.of("size differs");
        }
        if (from.hash().isPresent() && to.hash().isPresent()
                && from.hash().get().algorithm().equals(to.hash().get().algorithm())) {
            return from.hash().equals(to.hash()) ? Optional.empty() : Optional.of("content differs");
        }
        if (rules.compareTimes() && from.modified().isPresent() && to.modified().isPresent()
                && !from.modified().equals(to.modified())) {
            return Optional.of("modification time differs");
        }
        return Optional.empty();
    }

    /** Files first, then directories deepest first, so each directory is empty when it is removed. */
    private static List<Step> deepestLast(List<Step> steps) {
        List<Step> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparing((Step step) -> step.action() == Action.DELETE_DIRECTORY)
                .thenComparing(step -> -step.entry().depth())
                .thenComparing(step -> step.entry().path()));
        return sorted;
    }

    /**
     * Every step, in the order they run, skips last.
     *
     * @return the steps
     */
    public List<Step> steps() {
        List<Step> all = new ArrayList<>(replaced);
        all.addAll(directories);
        all.addAll(transfers);
        all.addAll(deletions);
        all.addAll(skipped);
        return all;
    }

    /**
     * The bytes the transfers will move.
     *
     * @return the sum of the sizes of the files to copy
     */
    public long bytesToTransfer() {
        return transfers.stream().mapToLong(step -> step.entry().size()).sum();
    }
}
