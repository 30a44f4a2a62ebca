package org.narformer.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.narformer.BadInputException;

/**
 * One train / validation / test split of a {@link LatencyDataset}.
 *
 * @param name       the held-out family (leave-one-family-out) or {@code in-domain}
 * @param train      networks to fit on
 * @param validation networks to select the epoch on (never the test family)
 * @param test       networks to report on
 */
public record LatencyFold(String name, List<LatencyDataset.Item> train, List<LatencyDataset.Item> validation,
                          List<LatencyDataset.Item> test) {
    public LatencyFold {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /**
     * NNLQP's unseen-structure protocol: each family in turn is the test set and the model is fitted on the
     * others. The last {@code validationFraction} of each training family (file order) is held out for
     * selection, as NNLQP's stage split holds out the last rows of each family.
     *
     * @param only the families to hold out (all when empty)
     */
    public static List<LatencyFold> leaveOneFamilyOut(LatencyDataset data, double validationFraction,
                                                      List<String> only) {
        Map<String, List<LatencyDataset.Item>> families = data.byFamily();
        for (String f : only) {
            if (!families.containsKey(f)) {
                throw new BadInputException(data.labels().toString(), null, "no family '" + f + "' (has "
                        + families.keySet() + ")");
            }
        }
        List<LatencyFold> folds = new ArrayList<>();
        for (String held : families.keySet()) {
            if (!only.isEmpty() && !only.contains(held)) {
                continue;
            }
            List<LatencyDataset.Item> train = new ArrayList<>();
            List<LatencyDataset.Item> validation = new ArrayList<>();
            families.forEach((family, items) -> {
                if (!family.equals(held)) {
                    int cut = items.size() - (int) Math.round(validationFraction * items.size());
                    train.addAll(items.subList(0, cut));
                    validation.addAll(items.subList(cut, items.size()));
                }
            });
            folds.add(new LatencyFold(held, train, validation, families.get(held)));
        }
        return folds;
    }

    /**
     * In-domain: the last {@code testFraction} of every family is the test set; of the rest, the last
     * {@code validationFraction} of every family selects the epoch.
     */
    public static LatencyFold inDomain(LatencyDataset data, double testFraction, double validationFraction) {
        List<LatencyDataset.Item> train = new ArrayList<>();
        List<LatencyDataset.Item> validation = new ArrayList<>();
        List<LatencyDataset.Item> test = new ArrayList<>();
        data.byFamily().forEach((family, items) -> {
            int testCut = items.size() - (int) Math.round(testFraction * items.size());
            List<LatencyDataset.Item> rest = items.subList(0, testCut);
            int validationCut = rest.size() - (int) Math.round(validationFraction * rest.size());
            train.addAll(rest.subList(0, validationCut));
            validation.addAll(rest.subList(validationCut, rest.size()));
            test.addAll(items.subList(testCut, items.size()));
        });
        return new LatencyFold("in-domain", train, validation, test);
    }

    /**
     * A predictor's fit on every family ({@code all}): the last {@code validationFraction} of every family selects
     * the epoch and is what the fit is reported on; there is no test set beyond it.
     */
    public static LatencyFold allFamilies(LatencyDataset data, double validationFraction) {
        LatencyFold split = inDomain(data, 0, validationFraction);
        return new LatencyFold("all", split.train(), split.validation(), split.validation());
    }
}
