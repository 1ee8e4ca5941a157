/**
 * Pure FTP codecs: functions from protocol text and bytes to values and back. No sockets, no files.
 */
module dev.ftpkit.core {
    exports dev.ftpkit.core;
    exports dev.ftpkit.core.list;
}
