package dev.drydock.core.app;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Generated app names in the platform's shape, {@code <adjective>-<noun>} (a six-letter adjective
 * and an eight-letter noun, for example {@code dapper-bookworm}).
 */
final class AppNames implements Supplier<String> {
    static final List<String> ADJECTIVES = List.of(
            "active", "bouncy", "breezy", "bright", "bubbly", "candid", "cheery", "classy", "clever",
            "cosmic", "cuddly", "dainty", "dapper", "daring", "dreamy", "famous", "fierce", "frisky",
            "frosty", "gentle", "gifted", "glossy", "golden", "groovy", "hearty", "honest", "humble",
            "jaunty", "jovial", "kindly", "lively", "lovely", "mellow", "modest", "nimble", "plucky",
            "polite", "proper", "quaint", "rugged", "serene", "silent", "silver", "smooth", "snappy",
            "steady", "sturdy", "subtle", "superb", "tender", "trendy", "trusty", "upbeat", "wooden");

    static final List<String> NOUNS = List.of(
            "aardvark", "airplane", "backpack", "baseball", "blizzard", "bluebird", "bookworm", "campfire",
            "cardinal", "chipmunk", "cupboard", "daffodil", "dinosaur", "elephant", "firework", "flamingo",
            "gemstone", "goldfish", "hedgehog", "kangaroo", "keyboard", "labrador", "lemonade", "magnolia",
            "mandolin", "marigold", "moonbeam", "mountain", "notebook", "pavilion", "pinecone", "platypus",
            "porpoise", "raindrop", "reindeer", "sandwich", "seahorse", "snowball", "songbird", "squirrel",
            "starfish", "sunlight", "sunshine", "teaspoon", "tortoise", "treasure", "umbrella", "woodland",
            "yearbook", "zeppelin");

    private final RandomGenerator random;

    AppNames() {
        this(new SecureRandom());
    }

    AppNames(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public String get() {
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(random.nextInt(NOUNS.size()));
    }
}
