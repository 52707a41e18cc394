package dev.roletrail.ingest.s3;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Lists keys under a prefix, after a key, following S3's pages of at most 1,000 keys. */
public final class S3Lister {

    private final S3Client s3;

    public S3Lister(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * Every key at once; for short listings.
     *
     * @param startAfter list only keys that sort after this one (S3 keys sort by UTF-8 bytes), or null for all
     */
    public List<S3Object> list(String bucket, String prefix, String startAfter) {
        List<S3Object> objects = new ArrayList<>();
        iterate(bucket, prefix, startAfter, 1000).forEachRemaining(objects::add);
        return objects;
    }

    /** Keys lazily, one page request at a time as the iterator advances; nothing is requested before hasNext(). */
    public Iterator<S3Object> iterate(String bucket, String prefix, String startAfter, int pageSize) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
                .maxKeys(pageSize);
        if (startAfter != null && !startAfter.isEmpty()) {
            request.startAfter(startAfter);
        }
        return s3.listObjectsV2Paginator(request.build()).contents().iterator();
    }

    /** The "directories" right below a prefix ({@code prefix + name + "/"}), in key order. */
    public List<String> childPrefixes(String bucket, String prefix) {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/")
                .build();
        List<String> children = new ArrayList<>();
        s3.listObjectsV2Paginator(request).commonPrefixes().stream().map(CommonPrefix::prefix).forEach(children::add);
        return children;
    }
}
