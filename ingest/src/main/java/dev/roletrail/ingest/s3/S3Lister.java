package dev.roletrail.ingest.s3;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Lists every key under a prefix, after a key, following S3's pages of at most 1,000 keys. */
public final class S3Lister {

    private final S3Client s3;

    public S3Lister(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * @param startAfter list only keys that sort after this one (S3 keys sort by UTF-8 bytes), or null for all
     */
    public List<S3Object> list(String bucket, String prefix, String startAfter) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
        if (startAfter != null && !startAfter.isEmpty()) {
            request.startAfter(startAfter);
        }
        List<S3Object> objects = new ArrayList<>();
        s3.listObjectsV2Paginator(request.build()).contents().forEach(objects::add);
        return objects;
    }
}
