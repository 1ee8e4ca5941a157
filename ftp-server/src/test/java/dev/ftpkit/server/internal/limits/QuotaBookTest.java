package dev.ftpkit.server.internal.limits;

import dev.ftpkit.server.Account;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.Quota;
import dev.ftpkit.server.QuotaExceededException;
import dev.ftpkit.server.Quotas;
import dev.ftpkit.server.StorageQuota;
import dev.ftpkit.server.internal.files.TemporaryNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Usage counted once per home, then kept by uploads and deletions; writes past the quota write nothing. */
class QuotaBookTest {

    @TempDir
    Path home;

    private final Account alice = Account.atRoot("alice", Permission.all());

    private StorageQuota quota(long bytes, long files) throws Exception {
        return new QuotaBook(Quotas.builder().account("alice", new Quota(bytes, files)).build()).quotaOf(alice, home);
    }

    private static void write(SeekableByteChannel channel, int bytes) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Test
    void theFirstLoginWalksTheHomeLeavingUnfinishedUploadsOut() throws Exception {
        Files.write(home.resolve("a"), new byte[60]);
        Files.createDirectories(home.resolve("d"));
        Files.write(home.resolve("d/b"), new byte[30]);
        Files.write(home.resolve(TemporaryNames.PREFIX + "x.part"), new byte[1000]);
        StorageQuota quota = quota(100, Long.MAX_VALUE);
        Path target = home.resolve("c");
        StorageQuota.Upload upload = quota.startUpload("/c", 0, false, 0);
        try (SeekableByteChannel file = upload.track(Files.newByteChannel(target, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE))) {
            write(file, 10); // 90 + 10 = 100: exactly the quota
            assertThatThrownBy(() -> write(file, 1)).isInstanceOf(QuotaExceededException.class);
            assertThat(file.size()).isEqualTo(10); // the refused write wrote nothing
        }
        upload.settle(10, true);
    }

    @Test
    void replacingAFileNeedsRoomOnlyForWhatItAdds() throws Exception {
        Files.write(home.resolve("a"), new byte[80]);
        StorageQuota quota = quota(100, Long.MAX_VALUE);
        StorageQuota.Upload upload = quota.startUpload("/a", 80, true, 0);
        try (SeekableByteChannel file = upload.track(Files.newByteChannel(home.resolve("tmp"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
            write(file, 100);
        }
        upload.settle(100, true);
        StorageQuota.Upload more = quota.startUpload("/b", 0, false, 0);
        assertThatThrownBy(() -> write(more.track(Files.newByteChannel(home.resolve("b"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)), 1)).isInstanceOf(QuotaExceededException.class);
        more.settle(0, false);
    }

    @Test
    void removingFilesFreesRoomAtOnce() throws Exception {
        Files.write(home.resolve("a"), new byte[100]);
        StorageQuota quota = quota(100, Long.MAX_VALUE);
        quota.removed(100, 1);
        StorageQuota.Upload upload = quota.startUpload("/b", 0, false, 0);
        try (SeekableByteChannel file = upload.track(Files.newByteChannel(home.resolve("b"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
            write(file, 100);
        }
        upload.settle(100, true);
    }

    @Test
    void theFileLimitRefusesANewFileButNotAReplacement() throws Exception {
        Files.write(home.resolve("a"), new byte[1]);
        StorageQuota quota = quota(1000, 1);
        assertThatThrownBy(() -> quota.startUpload("/b", 0, false, 0)).isInstanceOf(QuotaExceededException.class);
        quota.startUpload("/a", 1, true, 0).settle(1, true);
    }

    @Test
    void anAccountWithoutAQuotaIsNotCounted() throws Exception {
        StorageQuota none = new QuotaBook(Quotas.NONE).quotaOf(alice, home);
        assertThat(none).isSameAs(StorageQuota.UNLIMITED);
        SeekableByteChannel channel = Files.newByteChannel(home.resolve("x"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try (channel) {
            assertThat(none.startUpload("/x", 0, false, 0).track(channel)).isSameAs(channel);
        }
    }
}
