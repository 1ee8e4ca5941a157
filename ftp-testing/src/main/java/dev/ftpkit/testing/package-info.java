/**
 * Testing FTP code against a real server you control: {@link dev.ftpkit.testing.FtpTestServer} (in-memory files,
 * users, a {@link dev.ftpkit.testing.Transcript} of every session, {@link dev.ftpkit.testing.Fault faults} per
 * command or data transfer, FTPS), {@link dev.ftpkit.testing.ScriptedFtpServer} for exact scripted replies, and
 * {@link dev.ftpkit.testing.FtpServerExtension} for JUnit 5.
 */
package dev.ftpkit.testing;
