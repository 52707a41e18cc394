package dev.roletrail.streams.nhi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who answers for an identity, and whether that person is still there.
 *
 * @param name     the owner as written: a tag's value, or the creating principal
 * @param source   {@code tag:<key>} or {@code creator}
 * @param orphaned why the owner is gone (an inactive or absent IAM user), or null while the owner stands
 */
public record Owner(String name, String source, String orphaned) {

    public Owner {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    public static final String CREATOR = "creator";

    /** The IAM users an owner may name, and whether each is still active. */
    public interface People {

        /** The IAM user a value names (its name, its ARN, or an email whose local part is its name), if any. */
        Optional<Person> find(String value);
    }

    /** @param inactiveBecause why the user counts as gone, or null while it is active */
    public record Person(String arn, String inactiveBecause) {
    }

    /**
     * The owner from the first configured tag present, else the creator seen in the trail, else none.
     *
     * @param creator the principal that created the identity, or null when RoleTrail did not see it
     */
    public static Optional<Owner> of(Map<String, String> tags, String creator, IdentitySettings settings,
            People people) {
        for (String key : settings.ownerTags()) {
            String value = tags.get(key);
            if (value != null && !value.isBlank()) {
                return Optional.of(checked(value.strip(), "tag:" + key, settings, people));
            }
        }
        if (creator != null) {
            return Optional.of(checked(creator, CREATOR, settings, people));
        }
        return Optional.empty();
    }

    private static Owner checked(String name, String source, IdentitySettings settings, People people) {
        Optional<Person> person = people.find(name);
        if (person.isPresent()) {
            return new Owner(name, source, person.get().inactiveBecause());
        }
        boolean looksLikePerson = name.contains("@") || name.contains(":user/") || name.startsWith("user/");
        return new Owner(name, source, settings.ownersAreIamUsers() && looksLikePerson
                ? "names no IAM user: the person has left" : null);
    }
}
