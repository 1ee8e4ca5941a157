package dev.ftpkit.examples.serve;

import java.util.concurrent.TimeUnit;

/** Stops a child process by its PID: SIGTERM, then SIGKILL if it has not exited within 20 seconds. */
final class ProcessStop {

    private ProcessStop() {
    }

    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
