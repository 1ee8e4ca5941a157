/**
 * A blocking FTP and FTPS client: passive by default, active on request, typed listings, resume, TLS.
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
 * <p>FTPS (RFC 4217): give the configuration an {@link dev.ftpkit.client.FtpsConfig} (explicit {@code AUTH TLS} or
 * implicit TLS) built on an {@link javax.net.ssl.SSLContext}; {@link dev.ftpkit.client.TlsContexts} makes one from a
 * PEM or PKCS12 trust file. Data connections are protected ({@code PROT P}) and resume the control connection's
 * TLS session, as vsftpd demands:
 *
 * <pre>{@code
 * FtpClientConfig config = FtpClientConfig.builder()
 *         .tls(FtpsConfig.explicit(TlsContexts.trusting(Path.of("ca.pem"))).build())
 *         .build();
 * try (FtpClient ftps = config.connect("ftp.example.com", 21)) {
 *     ftps.login("user", "secret");
 *     ftps.retrieve("report.pdf", Path.of("report.pdf"));
 * }
 * }</pre>
 *
 * <p>Negative replies throw {@link dev.ftpkit.core.FtpReplyException}, failed transfers
 * {@link dev.ftpkit.client.FtpTransferException}; both are {@link java.io.IOException}s.
 */
package dev.ftpkit.client;
