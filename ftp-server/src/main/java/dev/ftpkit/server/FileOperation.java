package dev.ftpkit.server;

/** What a {@link FileRequest} is about to do. */
public enum FileOperation {
    /** STOR, STOU, APPE. */
    UPLOAD,
    /** RETR. */
    DOWNLOAD,
    /** DELE. */
    DELETE,
    /** RNFR/RNTO (checked at RNTO, when both names are known). */
    RENAME,
    /** MKD. */
    MAKE_DIRECTORY,
    /** RMD. */
    REMOVE_DIRECTORY
}
