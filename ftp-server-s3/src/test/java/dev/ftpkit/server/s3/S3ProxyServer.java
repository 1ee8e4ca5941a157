package dev.ftpkit.server.s3;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real S3 API server for tests: s3proxy in this JVM on 127.0.0.1 (a port the kernel picks), AWS V4 signatures
 * required, with its filesystem back end: each bucket is a directory under {@code baseDir}, each object a file.
 * Start it once per test class; it takes a few seconds.
 */
final class S3ProxyServer implements AutoCloseable {

    static final String ACCESS_KEY = "ftpkit-access";
    static final String SECRET_KEY = "ftpkit-secret";

    private final S3Proxy proxy;
    private final Path baseDir;

    private S3ProxyServer(S3Proxy proxy, Path baseDir) {
        this.proxy = proxy;
        this.baseDir = baseDir;
    }

    static S3ProxyServer start(Path baseDir) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", baseDir.toString());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", properties))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // the AWS CRT client signs a whole PUT as one aws-chunked chunk; s3proxy's default limit is lower
                .v4MaxChunkSize(1 << 30)
                .build();
        proxy.start(); // returns once Jetty listens
        if (!"STARTED".equals(proxy.getState())) {
            proxy.stop();
            throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
        }
        return new S3ProxyServer(proxy, baseDir);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Makes a bucket (with the filesystem back end, a directory) and opens it as storage. */
    S3Storage bucket(String name) throws Exception {
        Files.createDirectories(baseDir.resolve(name));
        // single PUTs: the CRT client's multipart uploads fail against s3proxy 4.1.0 (see multipartThreshold)
        return S3Storage.builder().endpoint(endpoint()).bucket(name).credentials(ACCESS_KEY, SECRET_KEY)
                .multipartThreshold(1L << 30).build();
    }

    /** Where the back end keeps an object: to check what the store holds without going through S3. */
    Path objectFile(String bucket, String key) {
        return baseDir.resolve(bucket).resolve(key);
    }

    @Override
    public void close() throws IOException {
        try {
            proxy.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping s3proxy", e);
        } catch (Exception e) {
            throw new IOException("s3proxy did not stop", e);
        }
    }
}
