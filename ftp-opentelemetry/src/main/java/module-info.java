/**
 * OpenTelemetry tracing for ftpkit: spans for FTP sessions, commands and transfers, on the server
 * ({@link dev.ftpkit.opentelemetry.ServerTracing}) and on the client ({@link dev.ftpkit.opentelemetry.ClientTracing}).
 * An optional module: ftp-core, ftp-client and ftp-server stay free of dependencies.
 */
@SuppressWarnings("requires-transitive-automatic") // their types are in this module's API
module dev.ftpkit.opentelemetry {
    // automatic module names of the OpenTelemetry jars (their MANIFEST's Automatic-Module-Name)
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.context;
    // the side an application traces is the one it brings; the other is never loaded
    requires static transitive dev.ftpkit.client;
    requires static transitive dev.ftpkit.server;

    exports dev.ftpkit.opentelemetry;
}
