package dev.ftpkit.server.internal.session;

/** A {@link dev.ftpkit.server.ServerHook} threw: the command it was asked about is answered with 451. */
public final class HookFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HookFailedException(String hookMethod, Throwable cause) {
        super("hook " + hookMethod + " failed", cause);
    }
}
