package dev.roletrail.streams.siem;

/** The OCSF 1.8.0 event classes RoleTrail writes, with their category. */
public enum OcsfClass {
    DETECTION_FINDING(2004, "Detection Finding", 2, "Findings"),
    IAM_ANALYSIS_FINDING(2008, "IAM Analysis Finding", 2, "Findings"),
    AUTHENTICATION(3002, "Authentication", 3, "Identity & Access Management"),
    API_ACTIVITY(6003, "API Activity", 6, "Application Activity");

    private final int uid;
    private final String className;
    private final int categoryUid;
    private final String categoryName;

    OcsfClass(int uid, String className, int categoryUid, String categoryName) {
        this.uid = uid;
        this.className = className;
        this.categoryUid = categoryUid;
        this.categoryName = categoryName;
    }

    public int uid() {
        return uid;
    }

    public String className() {
        return className;
    }

    public int categoryUid() {
        return categoryUid;
    }

    public String categoryName() {
        return categoryName;
    }

    /** OCSF's event type: {@code class_uid * 100 + activity_id}. */
    public long typeUid(int activityId) {
        return uid * 100L + activityId;
    }
}
