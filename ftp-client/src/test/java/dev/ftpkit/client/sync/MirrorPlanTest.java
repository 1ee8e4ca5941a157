package dev.ftpkit.client.sync;

import dev.ftpkit.client.FileHash;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The mirror's plan as a pure function of the two listings. */
class MirrorPlanTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
    private static final MirrorPlan.Rules KEEP = new MirrorPlan.Rules(false, true);
    private static final MirrorPlan.Rules DELETE = new MirrorPlan.Rules(true, true);

    private static Map<String, SyncEntry> tree(SyncEntry... entries) {
        Map<String, SyncEntry> map = new TreeMap<>();
        for (SyncEntry entry : entries) {
            map.put(entry.path(), entry);
        }
        return map;
    }

    private static SyncEntry dir(String path) {
        return SyncEntry.of(path, SyncEntry.Kind.DIRECTORY);
    }

    private static SyncEntry file(String path, long size, Instant time) {
        return SyncEntry.file(path, size, time);
    }

    private static List<String> paths(List<MirrorPlan.Step> steps) {
        return steps.stream().map(step -> step.entry().path()).toList();
    }

    @Test
    void anEmptyTargetGetsEveryDirectoryParentsFirstAndEveryFile() {
        MirrorPlan plan = MirrorPlan.compute(tree(dir("a"), dir("a/b"), file("a/b/f", 3, T), file("g", 1, T)),
                tree(), KEEP);

        assertThat(paths(plan.directories())).containsExactly("a", "a/b");
        assertThat(paths(plan.transfers())).containsExactly("a/b/f", "g");
        assertThat(plan.bytesToTransfer()).isEqualTo(4);
        assertThat(plan.deletions()).isEmpty();
    }

    @Test
    void equalTreesNeedNothing() {
        Map<String, SyncEntry> same = tree(dir("d"), file("d/x", 5, T), file("y", 0, T));

        MirrorPlan plan = MirrorPlan.compute(same, same, DELETE);

        assertThat(plan.steps()).isEmpty();
    }

    @Test
    void sizeOrTimeChangesAreCopiedAndTimesAreComparedInWholeSeconds() {
        MirrorPlan plan = MirrorPlan.compute(
                tree(file("size", 5, T), file("time", 5, T.plusSeconds(60)), file("millis", 5, T.plusMillis(999))),
                tree(file("size", 6, T), file("time", 5, T), file("millis", 5, T)), KEEP);

        assertThat(plan.transfers()).extracting(MirrorPlan.Step::reason)
                .containsExactly("size differs", "modification time differs");
        assertThat(paths(plan.transfers())).containsExactly("size", "time");
    }

    @Test
    void withoutTimeComparisonTheSizeAloneDecides() {
        MirrorPlan plan = MirrorPlan.compute(tree(file("f", 5, T)), tree(file("f", 5, T.plusSeconds(3600))),
                new MirrorPlan.Rules(false, false));

        assertThat(plan.transfers()).isEmpty();
    }

    @Test
    void hashesDecideOverTimesWhenBothSidesHaveOne() {
        FileHash a = new FileHash("SHA-256", "aa");
        FileHash b = new FileHash("SHA-256", "bb");
        MirrorPlan plan = MirrorPlan.compute(
                tree(file("same", 5, T).withHash(a), file("changed", 5, T).withHash(a)),
                tree(file("same", 5, T.plusSeconds(9)).withHash(a), file("changed", 5, T).withHash(b)), KEEP);

        assertThat(plan.transfers()).extracting(MirrorPlan.Step::reason).containsExactly("content differs");
        assertThat(paths(plan.transfers())).containsExactly("changed");
    }

    @Test
    void whatIsGoneOnTheSourceSideIsDeletedOnlyWithDeleteFilesFirstThenDeepestDirectories() {
        Map<String, SyncEntry> source = tree(file("keep", 1, T));
        Map<String, SyncEntry> target = tree(file("keep", 1, T), dir("old"), dir("old/deeper"),
                file("old/deeper/f", 1, T), file("stale", 1, T));

        assertThat(MirrorPlan.compute(source, target, KEEP).deletions()).isEmpty();
        MirrorPlan plan = MirrorPlan.compute(source, target, DELETE);

        assertThat(paths(plan.deletions())).containsExactly("old/deeper/f", "stale", "old/deeper", "old");
    }

    @Test
    void symbolicLinksOnEitherSideAreSkippedAndReportedNeverDeleted() {
        MirrorPlan plan = MirrorPlan.compute(tree(SyncEntry.of("link", SyncEntry.Kind.SYMBOLIC_LINK)),
                tree(SyncEntry.of("other-link", SyncEntry.Kind.SYMBOLIC_LINK)), DELETE);

        assertThat(paths(plan.skipped())).containsExactly("link", "other-link");
        assertThat(plan.transfers()).isEmpty();
        assertThat(plan.deletions()).isEmpty();
    }

    @Test
    void anEntryOfTheOtherKindInTheWayIsReplacedOnlyWithDelete() {
        Map<String, SyncEntry> source = tree(file("x", 1, T), dir("y"));
        Map<String, SyncEntry> target = tree(dir("x"), file("x/inner", 2, T), file("y", 1, T));

        MirrorPlan keep = MirrorPlan.compute(source, target, KEEP);
        MirrorPlan replace = MirrorPlan.compute(source, target, DELETE);

        assertThat(paths(keep.skipped())).containsExactly("x", "y");
        assertThat(keep.transfers()).isEmpty();
        assertThat(paths(replace.replaced())).containsExactly("x/inner", "y", "x");
        assertThat(paths(replace.directories())).containsExactly("y");
        assertThat(paths(replace.transfers())).containsExactly("x");
        assertThat(replace.deletions()).isEmpty();
    }
}
