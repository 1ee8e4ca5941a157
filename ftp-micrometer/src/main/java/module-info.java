/**
 * Binds the ftpkit server's metrics to a Micrometer {@code MeterRegistry} ({@link dev.ftpkit.micrometer.FtpServerMeters}).
 * An optional module: ftp-core, ftp-client and ftp-server stay free of dependencies.
 */
@SuppressWarnings("requires-transitive-automatic") // their types are in this module's API
module dev.ftpkit.micrometer {
    // the automatic module name of micrometer-core (its MANIFEST's Automatic-Module-Name)
    requires transitive micrometer.core;
    requires transitive dev.ftpkit.server;

    exports dev.ftpkit.micrometer;
}
