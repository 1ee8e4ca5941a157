/**
 * Work over several connections: {@link dev.ftpkit.client.sync.Mirror} (a directory tree, either way, planned by
 * the pure {@link dev.ftpkit.client.sync.MirrorPlan#compute}), {@link dev.ftpkit.client.sync.SegmentedDownload}
 * (one file as N byte ranges at once, resumable), and {@link dev.ftpkit.client.sync.RetryPolicy} (bounded
 * exponential backoff after transient failures). Each opens its own connections from a
 * {@link dev.ftpkit.client.FtpEndpoint}.
 */
package dev.ftpkit.client.sync;
