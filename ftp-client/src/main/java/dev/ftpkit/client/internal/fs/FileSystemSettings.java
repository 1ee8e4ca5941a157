package dev.ftpkit.client.internal.fs;

import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpConnectionPool;
import dev.ftpkit.client.FtpEndpoint;
import dev.ftpkit.client.FtpFileSystems;
import dev.ftpkit.client.FtpsConfig;

import java.net.URI;
import java.util.Map;

/**
 * A file system's endpoint and pool, read from its URI and environment (keys in {@link FtpFileSystems}).
 *
 * @param endpoint where and as whom
 * @param pool     where connections come from
 * @param ownsPool whether closing the file system closes the pool
 */
record FileSystemSettings(FtpEndpoint endpoint, FtpConnectionPool pool, boolean ownsPool) {

    static FileSystemSettings from(URI uri, Map<String, ?> env, boolean implicitTls, int defaultPort) {
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the URI names no host: " + uri);
        }
        FtpClientConfig config = value(env, FtpFileSystems.CONFIG, FtpClientConfig.class, FtpClientConfig.defaults());
        if (implicitTls && config.tls().isEmpty()) {
            config = config.toBuilder().tls(FtpsConfig.implicit().build()).build();
        }
        String[] userInfo = userInfo(uri);
        String user = value(env, FtpFileSystems.USER, String.class, userInfo[0]);
        Object password = env.get(FtpFileSystems.PASSWORD);
        String secret = password instanceof char[] chars ? new String(chars)
                : value(env, FtpFileSystems.PASSWORD, String.class, userInfo[1]);
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        FtpEndpoint endpoint = new FtpEndpoint(config, uri.getHost(), port, user, secret);
        FtpConnectionPool shared = value(env, FtpFileSystems.POOL, FtpConnectionPool.class, null);
        if (shared != null) {
            return new FileSystemSettings(endpoint, shared, false);
        }
        FtpConnectionPool own = FtpConnectionPool.builder()
                .maxConnectionsPerEndpoint(number(env, FtpFileSystems.MAX_CONNECTIONS, 4))
                .maxIdlePerEndpoint(number(env, FtpFileSystems.MAX_IDLE_CONNECTIONS, 2))
                .build();
        return new FileSystemSettings(endpoint, own, true);
    }

    /** RFC 3986 §3.2.1 user info, {@code user:password}; anonymous when absent. */
    private static String[] userInfo(URI uri) {
        String info = uri.getUserInfo();
        if (info == null) {
            return new String[] {"anonymous", "anonymous@"};
        }
        int colon = info.indexOf(':');
        return colon < 0 ? new String[] {info, ""} : new String[] {info.substring(0, colon), info.substring(colon + 1)};
    }

    private static <T> T value(Map<String, ?> env, String key, Class<T> type, T fallback) {
        Object value = env.get(key);
        if (value == null) {
            return fallback;
        }
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("environment key '" + key + "' must be a " + type.getSimpleName()
                    + ", not " + value.getClass().getName());
        }
        return type.cast(value);
    }

    private static int number(Map<String, ?> env, String key, int fallback) {
        Object value = env.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("environment key '" + key + "' must be a number: " + value, e);
        }
    }
}
