package dev.ftpkit.server.internal;

import dev.ftpkit.server.QuotaExceededException;
import dev.ftpkit.server.StorageFullException;
import dev.ftpkit.server.internal.data.DataChannelException;
import dev.ftpkit.server.internal.data.DataConnectionException;
import dev.ftpkit.server.internal.files.StorageErrors;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Replies are chosen by the failure's type (RFC 959 §4.2 codes), never by its message. */
class ErrorMapperTest {

    private static int code(Throwable failure) {
        return ErrorMapper.toReply(failure, "TEST").code().value();
    }

    @Test
    void storageFailuresMapByTypeWhateverTheirMessage() {
        assertThat(code(new StorageFullException("/a", "anything at all"))).isEqualTo(452);
        assertThat(code(new QuotaExceededException("/a", null))).isEqualTo(552);
        assertThat(code(new AccessDeniedException("/a"))).isEqualTo(550);
        assertThat(code(new NoSuchFileException("/a"))).isEqualTo(550);
        assertThat(code(new FileAlreadyExistsException("/a"))).isEqualTo(550);
        assertThat(code(new NotDirectoryException("/a"))).isEqualTo(550);
        assertThat(code(new DirectoryNotEmptyException("/a"))).isEqualTo(550);
        assertThat(code(new DataConnectionException("reset", null))).isEqualTo(426);
    }

    @Test
    void aMessageThatNamesAFullDiskChangesNothing() {
        assertThat(code(new IOException("No space left on device"))).isEqualTo(451);
        assertThat(code(new FileSystemException("/a", null, "Disk quota exceeded"))).isEqualTo(550);
    }

    @Test
    void theUploadPathGivesThePlatformsFullDiskAndQuotaTheirTypes() {
        assertThat(StorageErrors.typed(new FileSystemException("/a", null, "No space left on device")))
                .isInstanceOf(StorageFullException.class);
        assertThat(StorageErrors.typed(new IOException("Disk quota exceeded")))
                .isInstanceOf(QuotaExceededException.class);
        IOException other = new IOException("Input/output error");
        assertThat(StorageErrors.typed(other)).isSameAs(other);
    }

    @Test
    void everyDataConnectionFailureHasItsReply() {
        Map<DataChannelException.Reason, Integer> expected = new EnumMap<>(Map.of(
                DataChannelException.Reason.NOT_PREPARED, 425,
                DataChannelException.Reason.PASSIVE_PORTS_EXHAUSTED, 425,
                DataChannelException.Reason.CANNOT_CONNECT, 425,
                DataChannelException.Reason.FOREIGN_ADDRESS, 425,
                DataChannelException.Reason.PROTECTION_REQUIRED, 522,
                DataChannelException.Reason.TLS_FAILED, 522,
                DataChannelException.Reason.TLS_NOT_RESUMED, 522));
        for (DataChannelException.Reason reason : DataChannelException.Reason.values()) {
            assertThat(code(new DataChannelException(reason, null))).as(reason.name()).isEqualTo(expected.get(reason));
        }
    }
}
