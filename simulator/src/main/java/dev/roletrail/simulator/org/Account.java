package dev.roletrail.simulator.org;

import java.util.List;
import java.util.Objects;

/** An account of the organisation, with the regions its workloads run in (the first is its home region). */
public record Account(String id, String name, List<String> regions) {

    public Account {
        Objects.requireNonNull(name, "name");
        if (id == null || !id.matches("\\d{12}")) {
            throw new IllegalArgumentException("account id must be 12 digits, was " + id);
        }
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("an account needs a region");
        }
    }

    public String homeRegion() {
        return regions.get(0);
    }

    public String arn(String resource) {
        return "arn:aws:iam::" + id + ":" + resource;
    }
}
