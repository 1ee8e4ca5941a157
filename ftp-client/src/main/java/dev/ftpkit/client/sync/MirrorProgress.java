package dev.ftpkit.client.sync;

/**
 * How far a mirror's transfers have come.
 *
 * @param filesDone  the files copied (or failed for good) so far
 * @param filesTotal the files the plan copies
 * @param bytesDone  the bytes moved so far (a failed file's bytes are taken back out)
 * @param bytesTotal the bytes the plan copies
 */
public record MirrorProgress(int filesDone, int filesTotal, long bytesDone, long bytesTotal) {
}
