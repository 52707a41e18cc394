package dev.roletrail.streams.siem;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * MITRE ATT&CK technique ids ({@code T1078}, {@code T1078.004}) as OCSF {@code attack} objects: a sub-technique
 * carries its parent technique too, so a SIEM can group by either. Ids of another shape are skipped: the detectors'
 * catalogue is the only source, and a malformed id there is a bug, not data to pass on.
 */
final class AttackTechniques {

    private static final Pattern ID = Pattern.compile("(T\\d{4})(?:\\.(\\d{3}))?");

    private AttackTechniques() {
    }

    static ArrayNode toAttacks(ArrayNode attacks, List<String> ids) {
        for (String id : ids) {
            Matcher matcher = ID.matcher(id);
            if (!matcher.matches()) {
                continue;
            }
            ObjectNode attack = attacks.addObject();
            String technique = matcher.group(1);
            reference(attack.putObject("technique"), technique, "https://attack.mitre.org/techniques/" + technique + "/");
            if (matcher.group(2) != null) {
                reference(attack.putObject("sub_technique"), id,
                        "https://attack.mitre.org/techniques/" + technique + "/" + matcher.group(2) + "/");
            }
        }
        return attacks;
    }

    private static void reference(ObjectNode node, String uid, String url) {
        node.put("uid", uid);
        node.put("src_url", url);
    }
}
