/**
 * A blocking FTP client: passive by default, active on request, typed listings, resume.
 *
 * <p>Make an immutable {@link dev.ftpkit.client.FtpClientConfig} once (or use the defaults), then open one
 * {@link dev.ftpkit.client.FtpClient} per control connection:
 *
 * <pre>{@code
 * FtpClientConfig config = FtpClientConfig.builder().replyTimeout(Duration.ofSeconds(30)).build();
 * try (FtpClient ftp = config.connect("ftp.example.com", 21)) {
 *     ftp.loginAnonymous();
 *     ftp.retrieve("pub/file.bin", Path.of("file.bin"));
 *     ftp.list("pub").forEach(entry -> System.out.println(entry.name()));
 * }
 * }</pre>
 *
 * <p>Negative replies throw {@link dev.ftpkit.core.FtpReplyException}, failed transfers
 * {@link dev.ftpkit.client.FtpTransferException}; both are {@link java.io.IOException}s.
 */
package dev.ftpkit.client;
