/**
 * The datasets: one {@link org.narformer.data.Sample} shape for every file of the data directory (id, a
 * {@link org.narformer.data.GraphSource}, named {@link org.narformer.data.Targets}, group, stage, index, line), a
 * {@link org.narformer.data.SampleReader} per format (the {@link org.narformer.data.DataFile} catalog names them),
 * and the train/validation/test protocols as serialisable {@link org.narformer.data.SplitDefinition}s.
 *
 * <p><b>Bad rows</b> follow one policy, {@link org.narformer.data.ReadPolicy}: STRICT stops at the first bad row
 * with a {@link org.narformer.BadInputException} naming file, line and column; LENIENT skips bad rows and returns
 * each as a {@link org.narformer.data.RowProblem} beside the samples. A bad row is a wrong column count, an empty
 * line, a non-numeric or non-finite value, a value out of range (latency ≤ 0, accuracy outside 0..100 %), a bad
 * architecture (string, code or cell), an index out of sequence, or a duplicate id. A file that cannot be read or is
 * not of its format (header, JSON layout) always stops the read.
 *
 * <p><b>Units</b>: accuracies are fractions (files in % are divided by 100), latencies are ms.
 */
package org.narformer.data;
