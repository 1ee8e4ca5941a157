package dev.ftpkit.server.internal.data;

import java.io.IOException;

/** The data connection failed or was closed by ABOR while a transfer ran: the client gets 426. */
public final class DataConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    public DataConnectionException(String message, IOException cause) {
        super(message, cause);
    }
}
