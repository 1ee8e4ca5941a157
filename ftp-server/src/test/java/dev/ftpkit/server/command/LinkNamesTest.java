package dev.ftpkit.server.command;

import org.junit.jupiter.api.Test;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LinkNamesTest {

    private static final long SCAN = 1_000_000_000_000L;
    private static final FileTime LONG_AGO = FileTime.fromMillis(SCAN - 60_000);

    private final LinkNames names = new LinkNames();

    @Test
    void aSettledDirectoryUnchangedByTheScanIsRememberedUntilItChanges() {
        Directory before = new Directory("inode-1", LONG_AGO);
        names.remember(before, before, SCAN, Set.of("link"));

        assertThat(names.known(before)).contains(Set.of("link"));
        assertThat(names.known(new Directory("inode-1", FileTime.fromMillis(SCAN + 5)))).isEmpty();
        assertThat(names.known(new Directory("inode-2", LONG_AGO))).isEmpty();
    }

    @Test
    void aDirectoryChangedJustBeforeOrDuringTheScanIsNotRemembered() {
        Directory recent = new Directory("inode-1", FileTime.fromMillis(SCAN - 10));
        names.remember(recent, recent, SCAN, Set.of());
        Directory before = new Directory("inode-2", LONG_AGO);
        names.remember(before, new Directory("inode-2", FileTime.fromMillis(SCAN + 1)), SCAN, Set.of());

        assertThat(names.known(recent)).isEmpty();
        assertThat(names.known(before)).isEmpty();
    }

    @Test
    void aFineTimeNeedsATenthOfASecondToSettleAWholeSecondTwoSeconds() {
        FileTime fineHalfSecondAgo = FileTime.from(Instant.ofEpochMilli(SCAN - 500).plusNanos(123_456));
        FileTime fineJustNow = FileTime.from(Instant.ofEpochMilli(SCAN - 50).plusNanos(123_456));
        FileTime wholeSecondAgo = FileTime.fromMillis(SCAN - 1_000);
        Directory fine = new Directory("inode-1", fineHalfSecondAgo);
        Directory fineRecent = new Directory("inode-2", fineJustNow);
        Directory coarse = new Directory("inode-3", wholeSecondAgo);
        for (Directory d : new Directory[] {fine, fineRecent, coarse}) {
            names.remember(d, d, SCAN, Set.of("link"));
        }

        assertThat(names.known(fine)).contains(Set.of("link"));
        assertThat(names.known(fineRecent)).isEmpty();
        assertThat(names.known(coarse)).isEmpty();
    }

    @Test
    void aFileSystemWithoutFileKeysIsNeverRemembered() {
        Directory keyless = new Directory(null, LONG_AGO);
        names.remember(keyless, keyless, SCAN, Set.of());

        assertThat(names.known(keyless)).isEmpty();
    }

    @Test
    void onlyTheMostRecentlyUsedDirectoriesAreKept() {
        for (int i = 0; i <= LinkNames.MAX_DIRECTORIES; i++) {
            Directory d = new Directory("inode-" + i, LONG_AGO);
            names.remember(d, d, SCAN, Set.of());
        }

        assertThat(names.known(new Directory("inode-0", LONG_AGO))).isEmpty();
        assertThat(names.known(new Directory("inode-" + LinkNames.MAX_DIRECTORIES, LONG_AGO))).isPresent();
    }

    private record Directory(Object fileKey, FileTime lastModifiedTime) implements BasicFileAttributes {
        @Override
        public FileTime lastAccessTime() {
            return lastModifiedTime;
        }

        @Override
        public FileTime creationTime() {
            return lastModifiedTime;
        }

        @Override
        public boolean isRegularFile() {
            return false;
        }

        @Override
        public boolean isDirectory() {
            return true;
        }

        @Override
        public boolean isSymbolicLink() {
            return false;
        }

        @Override
        public boolean isOther() {
            return false;
        }

        @Override
        public long size() {
            return 0;
        }
    }
}
