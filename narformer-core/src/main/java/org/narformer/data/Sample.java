package org.narformer.data;

/**
 * One labelled (or unlabelled) network of a dataset, in the same shape for every dataset.
 *
 * @param id      the dataset's identifier: NB201 / HELP index, NB101 cell hash, NNLQP graph id
 * @param source  the network
 * @param targets the labels (possibly none)
 * @param group   the family ({@code nasbench201}, {@code nasbench101}, {@code fbnet}, an NNLQP model type)
 * @param stage   the dataset's own train/test assignment, {@link Stage#NONE} when it has none
 * @param index   the dataset's index of the network where it has one (official NB201 index, HELP index),
 *                otherwise the 0-based position among the file's rows or entries; splits order by it
 * @param line    1-based line of the file the sample was read from, 0 for JSON entries
 */
public record Sample(String id, GraphSource source, Targets targets, String group, Stage stage, int index,
                     int line) {
    public Sample {
        if (id == null || source == null || targets == null || group == null || stage == null) {
            throw new IllegalArgumentException("id, source, targets, group and stage are required");
        }
        if (index < 0 || line < 0) {
            throw new IllegalArgumentException("index and line must be >= 0");
        }
    }

    /** The value of target {@code name} (see {@link Targets#get}). */
    public double target(String name) {
        return targets.get(name);
    }
}
