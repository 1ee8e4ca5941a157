package dev.ftpkit.server;

/**
 * Active data connections (PORT, EPRT: the server connects to the client), the counterpart of the client's
 * {@code DataConnectionMode.Active}. The server only ever connects to the client's own address and ports 1024 and
 * up (FTP bounce, RFC 2577 §3).
 */
public final class ActiveSettings {

    private static final ActiveSettings ALLOWED = new ActiveSettings(true);
    private static final ActiveSettings DISABLED = new ActiveSettings(false);

    private final boolean enabled;

    private ActiveSettings(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * PORT and EPRT are accepted (the default).
     *
     * @return the settings
     */
    public static ActiveSettings allowed() {
        return ALLOWED;
    }

    /**
     * PORT and EPRT are refused with 502 (vsftpd's {@code port_enable=NO}).
     *
     * @return the settings
     */
    public static ActiveSettings disabled() {
        return DISABLED;
    }

    /**
     * Whether PORT and EPRT are accepted.
     *
     * @return true if allowed
     */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return enabled ? "active allowed" : "active disabled";
    }
}
