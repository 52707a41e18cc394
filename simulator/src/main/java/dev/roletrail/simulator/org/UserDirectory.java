package dev.roletrail.simulator.org;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The organisation's IAM users, derived on demand from their index and a seed instead of held: a user costs memory
 * only while someone uses it, so a million users are as cheap to keep as ten. Indexes 0 to 5 are the named users (the
 * scenarios and findings need them, with fixed names); the others are people, dealt out to the accounts in turn. User
 * and key ids encode their index ({@link Ids#indexed}), so usage can be tracked in arrays by index.
 * <p>
 * Tags: the workloads carry an owner or team tag (the dormant {@code reporting-sync} names a person no longer in IAM,
 * {@code legacy-export} none); the person whose key a cron job shares has none; every fifth person has a team tag.
 */
public final class UserDirectory extends AbstractList<SimUser> implements RandomAccess {

    /** The first users, in this order: {@link OrganizationBuilder#NAMED}. */
    private static final List<String> NAMED = List.of(OrganizationBuilder.OPS_ADMIN, OrganizationBuilder.DORMANT_USER,
            OrganizationBuilder.DORMANT_KEY_USER, OrganizationBuilder.INACTIVE_USER, OrganizationBuilder.BATCH_USER,
            OrganizationBuilder.SHARED_KEY_USER);
    /** How many named users come first. */
    public static final int NAMED_COUNT = NAMED.size();
    /** An owner tag naming a person who left and is not in IAM at all: the identity is orphaned. */
    public static final String DEPARTED_OWNER = "jordan.lee@acme.example";
    private static final List<String> TEAMS = List.of("payments", "web", "data-platform", "platform", "security");
    /**
     * The first people work every working day whatever the scale (see {@code People}): the scenarios take their
     * victims among them, so that the victims have full baselines.
     */
    public static final int REGULARS = 100;
    private static final List<String> AGENTS = List.of(
            "aws-cli/2.15.30 Python/3.11.8 Darwin/23.4.0 exe/x86_64 prompt/off command/s3.ls",
            "aws-cli/2.17.0 Python/3.11.9 Linux/6.5.0 exe/x86_64.ubuntu.22 prompt/off",
            "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8",
            "aws-sdk-java/2.25.16 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.10 Java/17.0.10",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4");
    private static final List<String> FIRST_NAMES = List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace",
            "heidi", "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor",
            "walter", "yuki");
    /** The first person's email: an owner tag naming an active person by email. */
    public static final String FIRST_PERSON_EMAIL = FIRST_NAMES.get(0) + "@acme.example";

    private final int size;
    private final List<Account> accounts;
    private final Instant start;
    private final String office;
    private final long seed;
    private final long userIdSalt;
    private final long keyIdSalt;

    /**
     * @param office the management account's office network, shared by most of its people
     * @param seed   seeds every user's own generator
     */
    public UserDirectory(int size, List<Account> accounts, Instant start, String office, long seed) {
        if (size < NAMED.size() + 1) {
            throw new IllegalArgumentException("an organisation needs at least " + (NAMED.size() + 1) + " users");
        }
        this.size = size;
        this.accounts = List.copyOf(accounts);
        this.start = start;
        this.office = office;
        this.seed = seed;
        this.userIdSalt = Ids.mix(seed ^ 0x5EED_0001L);
        this.keyIdSalt = Ids.mix(seed ^ 0x5EED_0002L);
    }

    @Override
    public int size() {
        return size;
    }

    /** The user at an index, the same every time: drawn from a generator seeded by the seed and the index alone. */
    @Override
    public SimUser get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        SplittableRandom random = new SplittableRandom(Ids.mix(seed ^ Ids.mix(index)));
        return index < NAMED.size() ? named(index, random) : person(index, random);
    }

    /** The habit of the user at an index, known without deriving the user. */
    public Habit habit(int index) {
        return switch (index) {
            case 1, 2 -> Habit.DORMANT;
            case 3 -> Habit.INACTIVE;
            case 4 -> Habit.SERVICE;
            case 5 -> Habit.SHARED;
            default -> Habit.DAILY;
        };
    }

    public boolean isNamed(int index) {
        return index < NAMED.size();
    }

    /** Whether the user at an index is one of the {@link #REGULARS} (or a named user). */
    public boolean regular(int index) {
        return index < NAMED.size() + REGULARS;
    }

    /** The named users and the regulars: the only users a scenario picks. */
    public List<SimUser> regulars() {
        return subList(0, Math.min(size, NAMED.size() + REGULARS));
    }

    public List<SimUser> named() {
        return subList(0, NAMED.size());
    }

    /** How many users work daily: everyone but the dormant, inactive and service users (the key sharer works). */
    public int dailyCount() {
        return size - NAMED_COUNT + 2;
    }

    /** The indexes of an account's users, in order. */
    public IntStream indexesIn(String accountId) {
        int account = accountIndex(accountId);
        return IntStream.range(0, size).filter(i -> accountOf(i) == account);
    }

    /** The user whose long-term key this is, or -1. */
    public int indexOfKey(String accessKeyId) {
        return Ids.index(accessKeyId, "AKIA", keyIdSalt, size);
    }

    /** The user with this unique id (AIDA...), or -1. */
    public int indexOfUserId(String userId) {
        return Ids.index(userId, "AIDA", userIdSalt, size);
    }

    private int accountOf(int index) {
        return index < NAMED.size() ? 0 : (index - NAMED.size()) % accounts.size();
    }

    private int accountIndex(String accountId) {
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).id().equals(accountId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no account " + accountId);
    }

    private SimUser named(int index, SplittableRandom random) {
        Account management = accounts.get(0);
        String mgmt = management.id();
        String shared = management.arn("role/" + OrganizationBuilder.SHARED_ROLE);
        return switch (index) {
            case 0 -> user(index, random, mgmt, office, true, start.minus(Duration.ofDays(60)), start,
                    List.of(management.arn("role/OrgAdmin"), shared), Map.of("team", "platform"));
            case 1 -> user(index, random, mgmt, Ids.network(random), false, start.minus(Duration.ofDays(400)), start,
                    List.of(), Map.of("owner", DEPARTED_OWNER));
            case 2 -> user(index, random, mgmt, Ids.network(random), false, start.minus(Duration.ofDays(300)), start,
                    List.of(), Map.of());
            case 3 -> user(index, random, mgmt, Ids.network(random), true, start.minus(Duration.ofDays(200)), start,
                    List.of(), Map.of());
            case 4 -> user(index, random, mgmt, Ids.awsNetwork(random), false, start.minus(Duration.ofDays(500)),
                    start, List.of(management.arn("role/" + OrganizationBuilder.BATCH_ROLE)),
                    Map.of("team", "data-platform"));
            default -> user(index, random, mgmt, office, true, start.minus(Duration.ofDays(45)), start,
                    List.of(management.arn("role/Developer")), Map.of());
        };
    }

    private SimUser person(int index, SplittableRandom random) {
        int i = index - NAMED.size();
        Account management = accounts.get(0);
        Account account = accounts.get(accountOf(index));
        boolean inManagement = account == management;
        List<String> roles = new ArrayList<>();
        roles.add(account.arn("role/Developer"));
        if (inManagement) {
            roles.add(management.arn("role/" + OrganizationBuilder.SHARED_ROLE));
            roles.add(accounts.get(1 + i % (accounts.size() - 1)).arn("role/ReadOnly"));
        }
        // Every seventh person joins in the second week: new principals that must stay quiet while learning.
        Instant joined = i % 7 == 6 ? start.plus(Duration.ofDays(8)) : start;
        String home = inManagement && random.nextInt(3) > 0 ? office : Ids.network(random);
        Map<String, String> tags = i % 5 == 0 ? Map.of("team", TEAMS.get(i / 5 % TEAMS.size())) : Map.of();
        return user(index, random, account.id(), home, random.nextInt(3) == 0,
                start.minus(Duration.ofDays(10 + random.nextInt(200))), joined, roles, tags);
    }

    private SimUser user(int index, SplittableRandom random, String account, String network, boolean password,
            Instant keyCreated, Instant joined, List<String> roles, Map<String, String> tags) {
        String drawn = AGENTS.get(random.nextInt(AGENTS.size()));
        // Integrations call with an SDK, the person sharing a key with a cron job with the CLI; people as drawn.
        String agent = switch (habit(index)) {
            case DORMANT -> AGENTS.get(2);
            case SERVICE -> AGENTS.get(3);
            case SHARED -> AGENTS.get(0);
            default -> drawn;
        };
        return new SimUser(account, name(index), Ids.indexed("AIDA", userIdSalt, index),
                Ids.indexed("AKIA", keyIdSalt, index), habit(index), List.of(network, Ids.network(random)), agent,
                password, keyCreated, joined, roles, tags);
    }

    private static String name(int index) {
        if (index < NAMED.size()) {
            return NAMED.get(index);
        }
        int i = index - NAMED.size();
        return FIRST_NAMES.get(i % FIRST_NAMES.size()) + (i < FIRST_NAMES.size() ? "" : Integer.toString(i / FIRST_NAMES.size()));
    }
}
