package dev.ftpkit.server.s3.internal;

import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.nio.spi.s3.S3ClientProvider;
import software.amazon.nio.spi.s3.config.S3NioSpiConfiguration;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The two requests the provider's file system does not offer in a usable form, made on the provider's own S3
 * client (same configuration, same connections): a listing page that keeps each object's size and time (the
 * provider's listing keeps only names, which would cost one HEAD per entry of an FTP listing), and a server-side
 * copy (the provider's copy fails on keys at the bucket's top level in 2.3.0).
 */
public final class BucketClient extends S3ClientProvider {

    /** How long one request may take. */
    private static final long TIMEOUT_SECONDS = 60;

    private final String bucket;

    /**
     * @param configuration      the bucket's configured provider configuration
     * @param bucket             the bucket
     * @param multipartThreshold from which size uploads are multipart
     */
    public BucketClient(S3NioSpiConfiguration configuration, String bucket, long multipartThreshold) {
        super(configuration);
        this.bucket = bucket;
        // the provider's own builder, plus the threshold; the provider then adds endpoint, region and credentials
        asyncClientBuilder(S3AsyncClient.crtBuilder().crossRegionAccessEnabled(true)
                .thresholdInBytes(multipartThreshold));
    }

    private S3AsyncClient client() {
        return generateClient(bucket);
    }

    /** One page of a prefix's direct children: objects with their size and time, and sub-prefixes. */
    record Page(List<Entry> entries, Optional<String> next) {
    }

    /** A child: its name (no {@code /}), and for an object its size and time. */
    record Entry(String name, boolean directory, long size, FileTime modified) {
    }

    /**
     * Lists up to 1000 direct children of a prefix (S3 ListObjectsV2 with delimiter {@code /}).
     *
     * @param prefix       {@code ""} for the root, else {@code "dir/"}
     * @param continuation the previous page's token, if any
     */
    Page list(String prefix, Optional<String> continuation) throws IOException {
        ListObjectsV2Response response = await(client().listObjectsV2(b -> {
            b.bucket(bucket).prefix(prefix).delimiter("/");
            continuation.ifPresent(b::continuationToken);
        }));
        List<Entry> entries = new ArrayList<>();
        for (CommonPrefix p : response.commonPrefixes()) {
            String name = p.prefix().substring(prefix.length());
            name = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            if (!name.isEmpty()) {
                entries.add(new Entry(name, true, 0, FileTime.fromMillis(0)));
            }
        }
        for (S3Object o : response.contents()) {
            String name = o.key().substring(prefix.length());
            if (!name.isEmpty() && !name.contains("/")) { // the prefix's own marker object is not an entry
                entries.add(new Entry(name, false, o.size(), FileTime.from(o.lastModified())));
            }
        }
        return new Page(entries, Boolean.TRUE.equals(response.isTruncated())
                ? Optional.ofNullable(response.nextContinuationToken()) : Optional.empty());
    }

    /** A server-side copy of one object (CopyObject): no bytes pass through this process. */
    void copy(String fromKey, String toKey) throws IOException {
        await(client().copyObject(b -> b.sourceBucket(bucket).sourceKey(fromKey)
                .destinationBucket(bucket).destinationKey(toKey)));
    }

    private static <T> T await(CompletableFuture<T> request) throws IOException {
        try {
            return request.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.cancel(true);
            throw new InterruptedIOException("interrupted while waiting for S3");
        } catch (TimeoutException e) {
            request.cancel(true);
            throw new IOException("S3 did not answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw new IOException("S3 request failed: " + e.getCause(), e.getCause());
        }
    }
}
