package org.narformer.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.narformer.BadInputException;

/**
 * How a list of samples is divided into train, validation and test (REFERENCE.md §2). A definition is a small
 * JSON-serialisable record (its {@code kind} names the protocol) that goes into manifests, and {@link #apply}
 * is deterministic: it first orders the samples by {@link Sample#index()} (stable), so the same samples give the
 * same split whatever their list order; each part comes back in index order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SplitDefinition.FirstN.class, name = "first-n"),
    @JsonSubTypes.Type(value = SplitDefinition.LeaveGroupOut.class, name = "leave-group-out"),
    @JsonSubTypes.Type(value = SplitDefinition.ByStage.class, name = "stage"),
    @JsonSubTypes.Type(value = SplitDefinition.Shuffled.class, name = "random"),
    @JsonSubTypes.Type(value = SplitDefinition.KFold.class, name = "k-fold")})
public sealed interface SplitDefinition permits SplitDefinition.FirstN, SplitDefinition.LeaveGroupOut,
        SplitDefinition.ByStage, SplitDefinition.Shuffled, SplitDefinition.KFold {

    /**
     * Divides {@code samples}.
     *
     * @throws BadInputException when the samples do not fit the definition (too few, unknown group, no stage)
     */
    Split apply(List<Sample> samples);

    /**
     * The NAS-Bench protocol (V2 {@code dataset.py}, V1 {@code dataLoader.py}): train = the first {@code trainCount}
     * samples by index, validation = the next {@code validationCount}, test = all samples (training ones included)
     * when {@code testOnAll}, otherwise the samples after the validation ones.
     *
     * @param trainCount      N ({@code --percent}, always an absolute count: e.g. 781 = 5 % of NB201)
     * @param validationCount the reference uses 200
     * @param testOnAll       the reference tests on all (true); false tests on the rest only
     */
    record FirstN(int trainCount, int validationCount, boolean testOnAll) implements SplitDefinition {
        /** The reference's validation size. */
        public static final int REFERENCE_VALIDATION = 200;

        public FirstN {
            if (trainCount < 1 || validationCount < 0) {
                throw new IllegalArgumentException("first-n needs trainCount >= 1 and validationCount >= 0");
            }
        }

        /** The reference protocol: N train, next 200 validation, test on all. */
        public static FirstN reference(int trainCount) {
            return new FirstN(trainCount, REFERENCE_VALIDATION, true);
        }

        @Override
        public Split apply(List<Sample> samples) {
            List<Sample> ordered = byIndex(samples);
            int n = ordered.size();
            if (trainCount + validationCount > n) {
                throw new BadInputException("split " + this, null, trainCount + " train + " + validationCount
                        + " validation samples requested, only " + n + " available");
            }
            List<Sample> test = testOnAll ? ordered : ordered.subList(trainCount + validationCount, n);
            return new Split(this, ordered.subList(0, trainCount),
                    ordered.subList(trainCount, trainCount + validationCount), test);
        }
    }

    /**
     * Leave one group (family) out (the NNLQP "unseen structure" protocol): test = every sample of
     * {@code testGroup}; validation = every sample of {@code validationGroups} (the reference has none); train =
     * everything else.
     */
    record LeaveGroupOut(String testGroup, List<String> validationGroups) implements SplitDefinition {
        public LeaveGroupOut {
            if (testGroup == null || testGroup.isEmpty()) {
                throw new IllegalArgumentException("leave-group-out needs a test group");
            }
            validationGroups = validationGroups == null ? List.of() : List.copyOf(validationGroups);
            if (validationGroups.contains(testGroup)) {
                throw new IllegalArgumentException("the test group '" + testGroup + "' cannot also validate");
            }
        }

        /** The reference protocol: hold out {@code testGroup}, no validation. */
        public static LeaveGroupOut of(String testGroup) {
            return new LeaveGroupOut(testGroup, List.of());
        }

        /** One reference definition per group of {@code samples}, in group-name order. */
        public static List<LeaveGroupOut> each(List<Sample> samples) {
            Set<String> groups = new TreeSet<>();
            samples.forEach(s -> groups.add(s.group()));
            return groups.stream().map(LeaveGroupOut::of).toList();
        }

        @Override
        public Split apply(List<Sample> samples) {
            Set<String> groups = new TreeSet<>();
            samples.forEach(s -> groups.add(s.group()));
            for (String g : concat(testGroup, validationGroups)) {
                if (!groups.contains(g)) {
                    throw new BadInputException("split " + this, null, "no samples of group '" + g
                            + "' (groups: " + String.join(", ", groups) + ")");
                }
            }
            List<Sample> train = new ArrayList<>();
            List<Sample> validation = new ArrayList<>();
            List<Sample> test = new ArrayList<>();
            for (Sample s : byIndex(samples)) {
                if (s.group().equals(testGroup)) {
                    test.add(s);
                } else if (validationGroups.contains(s.group())) {
                    validation.add(s);
                } else {
                    train.add(s);
                }
            }
            return new Split(this, train, validation, test);
        }

        private static List<String> concat(String first, List<String> rest) {
            List<String> all = new ArrayList<>(rest);
            all.add(0, first);
            return all;
        }
    }

    /**
     * The dataset's own train/test column (NNLQP "same distribution", {@code --train_test_stage}: the first 1800
     * of each family train, the last 200 test). No validation.
     */
    record ByStage() implements SplitDefinition {
        @Override
        public Split apply(List<Sample> samples) {
            List<Sample> train = new ArrayList<>();
            List<Sample> test = new ArrayList<>();
            for (Sample s : byIndex(samples)) {
                switch (s.stage()) {
                    case TRAIN -> train.add(s);
                    case TEST -> test.add(s);
                    default -> throw new BadInputException("split stage", "sample '" + s.id() + "' (line "
                            + s.line() + ")", "has no train/test stage");
                }
            }
            return new Split(this, train, List.of(), test);
        }
    }

    /**
     * A seeded random split: shuffle (Fisher–Yates with {@link SplittableRandom}{@code (seed)}), then the first
     * {@code trainCount} train, the next {@code validationCount} validation, the rest test.
     */
    record Shuffled(int trainCount, int validationCount, long seed) implements SplitDefinition {
        public Shuffled {
            if (trainCount < 1 || validationCount < 0) {
                throw new IllegalArgumentException("random split needs trainCount >= 1 and validationCount >= 0");
            }
        }

        @Override
        public Split apply(List<Sample> samples) {
            List<Sample> shuffled = shuffled(samples, seed);
            int n = shuffled.size();
            if (trainCount + validationCount > n) {
                throw new BadInputException("split " + this, null, trainCount + " train + " + validationCount
                        + " validation samples requested, only " + n + " available");
            }
            return new Split(this, byIndex(shuffled.subList(0, trainCount)),
                    byIndex(shuffled.subList(trainCount, trainCount + validationCount)),
                    byIndex(shuffled.subList(trainCount + validationCount, n)));
        }
    }

    /**
     * Fold {@code fold} of a seeded {@code folds}-fold cross-validation: shuffle as {@link Shuffled}, cut into
     * {@code folds} contiguous parts (sizes differ by at most one); the part {@code fold} is the test set, the others
     * train. Every sample is tested in exactly one fold of the same seed.
     */
    record KFold(int folds, int fold, long seed) implements SplitDefinition {
        public KFold {
            if (folds < 2 || fold < 0 || fold >= folds) {
                throw new IllegalArgumentException("k-fold needs folds >= 2 and 0 <= fold < folds, got " + fold + " of "
                        + folds);
            }
        }

        /** All {@code folds} definitions of one seed. */
        public static List<KFold> all(int folds, long seed) {
            List<KFold> all = new ArrayList<>(folds);
            for (int f = 0; f < folds; f++) {
                all.add(new KFold(folds, f, seed));
            }
            return all;
        }

        @Override
        public Split apply(List<Sample> samples) {
            List<Sample> shuffled = shuffled(samples, seed);
            int n = shuffled.size();
            if (n < folds) {
                throw new BadInputException("split " + this, null, folds + " folds need at least " + folds
                        + " samples, got " + n);
            }
            int from = (int) ((long) fold * n / folds);
            int to = (int) ((long) (fold + 1) * n / folds);
            List<Sample> train = new ArrayList<>(shuffled.subList(0, from));
            train.addAll(shuffled.subList(to, n));
            return new Split(this, byIndex(train), List.of(), byIndex(shuffled.subList(from, to)));
        }
    }

    /** A copy in {@link Sample#index()} order (stable). */
    private static List<Sample> byIndex(List<Sample> samples) {
        List<Sample> ordered = new ArrayList<>(samples);
        ordered.sort(Comparator.comparingInt(Sample::index));
        return ordered;
    }

    /** The samples in index order, then shuffled by a Fisher–Yates pass of {@code SplittableRandom(seed)}. */
    private static List<Sample> shuffled(List<Sample> samples, long seed) {
        List<Sample> list = byIndex(samples);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Sample t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
        return list;
    }
}
