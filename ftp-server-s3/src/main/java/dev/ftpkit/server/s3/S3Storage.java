package dev.ftpkit.server.s3;

import dev.ftpkit.server.s3.internal.BucketClient;
import dev.ftpkit.server.s3.internal.ObjectFileSystem;
import software.amazon.nio.spi.s3.S3FileSystem;
import software.amazon.nio.spi.s3.S3XFileSystemProvider;
import software.amazon.nio.spi.s3.config.S3NioSpiConfiguration;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One S3 bucket (on AWS or any S3-compatible store: MinIO, Ceph RGW, s3proxy...) as an ftpkit server root:
 *
 * <pre>{@code
 * try (S3Storage bucket = S3Storage.builder()
 *         .endpoint(URI.create("https://s3.eu-west-1.amazonaws.com")).region("eu-west-1")
 *         .bucket("my-bucket").credentials(accessKey, secretKey).build()) {
 *     FtpServer server = FtpServer.builder().root(bucket.root()).authenticator(users).build().start();
 *     ...
 * }
 * }</pre>
 *
 * <p>Requests go through the AWS NIO file system provider for S3 ({@code software.amazon.nio.s3:
 * aws-java-nio-spi-for-s3}). Directories are key prefixes: MKD writes a marker object {@code name/}, RMD refuses a
 * prefix that still holds objects, RNFR/RNTO of a file is a server-side copy and a delete (directories cannot be
 * renamed: that would copy every object under them), and listings page through the prefix as the client reads
 * them. Uploads are spooled to a local temporary file by the provider and PUT when complete, so the root
 * {@linkplain dev.ftpkit.server.CommitsAtClose commits at close}: an aborted STOR leaves the old object, and APPE
 * and REST+STOR are answered 504.
 *
 * <p>One {@code S3Storage} per endpoint and bucket at a time (the provider shares a file system per bucket).
 */
public final class S3Storage implements Closeable {

    private final ObjectFileSystem fs;

    private S3Storage(ObjectFileSystem fs) {
        this.fs = fs;
    }

    /**
     * Starts a description of a bucket.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The bucket's root directory, for {@code FtpServer.Builder.root(Path)} or a virtual host.
     *
     * @return the path {@code /} of the bucket
     */
    public Path root() {
        return fs.getPath("/");
    }

    /** Closes the S3 client; the root's paths stop working. */
    @Override
    public void close() throws IOException {
        fs.close();
    }

    /** Describes the bucket; {@link #build()} checks that the endpoint and bucket are set. */
    public static final class Builder {
        private URI endpoint;
        private String bucket;
        private String region = "us-east-1";
        private String accessKey;
        private String secretKey;
        private boolean pathStyle = true;
        private int readAheadParts = 4;
        private long multipartThreshold = 8L << 20;

        private Builder() {
        }

        /**
         * The store's address: {@code https://s3.eu-west-1.amazonaws.com}, {@code http://127.0.0.1:9000}...
         *
         * @param endpoint an http or https URI with a host (and a port where not the default)
         * @return this builder
         * @throws IllegalArgumentException if it is not http or https or has no host
         */
        public Builder endpoint(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())
                    || endpoint.getHost() == null) {
                throw new IllegalArgumentException("endpoint must be an http or https URI with a host: " + endpoint);
            }
            this.endpoint = endpoint;
            return this;
        }

        /**
         * The bucket, which must exist.
         *
         * @param bucket its name
         * @return this builder
         * @throws IllegalArgumentException if the name is empty or holds a {@code /}
         */
        public Builder bucket(String bucket) {
            Objects.requireNonNull(bucket, "bucket");
            if (bucket.isBlank() || bucket.contains("/")) {
                throw new IllegalArgumentException("bucket must be a bucket name: " + bucket);
            }
            this.bucket = bucket;
            return this;
        }

        /**
         * The region requests are signed for (default {@code us-east-1}, which S3-compatible stores accept).
         *
         * @param region e.g. {@code eu-west-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Static credentials. Without them the AWS SDK's default chain is used (environment, profile, instance
         * role).
         *
         * @param accessKey the access key id
         * @param secretKey the secret access key
         * @return this builder
         */
        public Builder credentials(String accessKey, String secretKey) {
            this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        /**
         * Whether the bucket is addressed in the path ({@code host/bucket/key}, default, what S3-compatible stores
         * need) or in the host name ({@code bucket.host/key}, AWS's preferred form).
         *
         * @param pathStyle true for path-style addressing
         * @return this builder
         */
        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        /**
         * How many 5 MiB parts a download reads ahead (default 4, so at most 20 MiB buffered per RETR; the
         * provider's own default is 50).
         *
         * @param parts 1 or more
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder readAheadParts(int parts) {
            if (parts < 1) {
                throw new IllegalArgumentException("readAheadParts must be at least 1: " + parts);
            }
            this.readAheadParts = parts;
            return this;
        }

        /**
         * From which size an upload is sent as a multipart upload (default 8 MiB, the AWS CRT client's own default;
         * below it one PUT). A single PUT is limited to 5 GiB on AWS. Raise it for a store whose multipart uploads
         * do not work with the CRT client: against s3proxy 4.1.0 they failed with "Upload Id not found in
         * create-multipart-upload response".
         *
         * @param bytes 5 MiB or more
         * @return this builder
         * @throws IllegalArgumentException if below 5 MiB (S3's smallest part)
         */
        public Builder multipartThreshold(long bytes) {
            if (bytes < 5L << 20) {
                throw new IllegalArgumentException("multipartThreshold must be at least 5 MiB: " + bytes);
            }
            this.multipartThreshold = bytes;
            return this;
        }

        /**
         * Opens the bucket (no request is sent yet).
         *
         * @return the storage
         * @throws IllegalArgumentException if the endpoint or the bucket is missing
         */
        public S3Storage build() {
            if (endpoint == null) {
                throw new IllegalArgumentException("endpoint is required");
            }
            if (bucket == null) {
                throw new IllegalArgumentException("bucket is required");
            }
            String hostPort = endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
            // the provider keys its file systems by endpoint and bucket; the URI carries no credentials
            FileSystem store = new S3XFileSystemProvider().getFileSystem(URI.create("s3x://" + hostPort + "/" + bucket));
            S3FileSystem s3 = (S3FileSystem) store;
            // the file system's own configuration (read by its channels too), completed with what the provider only
            // takes from system properties; then a client made from it
            S3NioSpiConfiguration configuration = s3.getConfiguration()
                    .withEndpoint(hostPort)
                    .withEndpointProtocol(endpoint.getScheme())
                    .withRegion(region)
                    .withForcePathStyle(pathStyle)
                    .withBucketName(bucket)
                    .withMaxFragmentNumber(readAheadParts);
            if (accessKey != null) {
                configuration.withCredentials(accessKey, secretKey);
            }
            BucketClient client = new BucketClient(configuration, bucket, multipartThreshold);
            s3.clientProvider(client);
            return new S3Storage(new ObjectFileSystem(store, client));
        }
    }
}
