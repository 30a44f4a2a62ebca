package org.narformer.cells;

import java.util.Arrays;
import java.util.Optional;

import org.narformer.graph.Edge;
import org.narformer.graph.NetworkGraph;

/**
 * The architecture-consistency augmentation of both papers: relabel the intermediate nodes 1..n−2 of a cell
 * graph (input and output fixed) by a permutation σ, new node i being old node σ(i), so that the
 * adjacency becomes {@code P A Pᵀ} and the ops {@code ops·Pᵀ}. The result computes the same function; only the
 * positions (and V1's source codes) change. A permutation qualifies when the relabelled adjacency is still
 * upper-triangular (every edge goes from a lower to a higher index) and the (adjacency, ops) pair differs from
 * the original. Permutations are tried in {@code itertools.permutations} (lexicographic) order, identity first.
 * Deterministic: no randomness.
 */
public enum CellAugmentation {
    /**
     * NAR-Former V2 ({@code ac_aug_generate} in {@code data_and_encoding_generate.py}): the first qualifying
     * permutation of all (n−2)!; the training pair falls back to the original when none qualifies.
     */
    V2_FIRST_VALID(Integer.MAX_VALUE),
    /**
     * NAR-Former V1 ({@code ac_aug_generate.py}, {@code if id==2: break}): only the first two permutations are
     * tried; the identity never qualifies, so the only candidate swaps the last two intermediate nodes.
     */
    V1_FIRST_TWO(2);

    private final int maxTried;

    CellAugmentation(int maxTried) {
        this.maxTried = maxTried;
    }

    /**
     * The relabelling σ chosen for {@code cell} (σ[i] = the old index of new node i, σ[0] = 0,
     * σ[n−1] = n−1), or empty when no permutation tried qualifies.
     */
    public Optional<int[]> permutation(NetworkGraph cell) {
        int n = cell.nodeCount();
        if (n < 3) {
            return Optional.empty();
        }
        int[] sigma = new int[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = i;
        }
        int[] position = new int[n];
        for (int tried = 0; tried < maxTried; tried++) {
            if (tried > 0 && !nextPermutation(sigma, 1, n - 1)) {
                return Optional.empty();
            }
            for (int i = 0; i < n; i++) {
                position[sigma[i]] = i;
            }
            if (isUpperTriangular(cell, position) && differs(cell, sigma, position)) {
                return Optional.of(sigma.clone());
            }
        }
        return Optional.empty();
    }

    /** The relabelled cell graph, or empty when no permutation tried qualifies. */
    public Optional<NetworkGraph> augment(NetworkGraph cell) {
        return permutation(cell).map(sigma -> relabel(cell, sigma));
    }

    /** The augmented partner of {@code cell} for the consistency loss: {@link #augment} or the cell itself. */
    public NetworkGraph pairOf(NetworkGraph cell) {
        return augment(cell).orElse(cell);
    }

    /**
     * {@code cell} with new node i = old node {@code sigma[i]}; nodes keep their names and ops, edges follow their
     * nodes. {@code sigma} must make every edge point forward.
     */
    public static NetworkGraph relabel(NetworkGraph cell, int[] sigma) {
        int n = cell.nodeCount();
        if (sigma.length != n) {
            throw new IllegalArgumentException("permutation of length " + sigma.length + " for " + n + " nodes");
        }
        NetworkGraph.Builder b = NetworkGraph.builder(cell.name() + " relabelled " + Arrays.toString(sigma));
        for (int i = 0; i < n; i++) {
            b.addNode(cell.node(sigma[i]));
        }
        for (Edge e : cell.edges()) {
            b.addEdge(cell.node(e.from()).name(), cell.node(e.to()).name());
        }
        NetworkGraph g = b.build();
        for (int i = 0; i < n; i++) {
            if (g.node(i) != cell.node(sigma[i])) {
                throw new IllegalArgumentException("permutation " + Arrays.toString(sigma)
                        + " does not keep the edges pointing forward");
            }
        }
        return g;
    }

    private static boolean isUpperTriangular(NetworkGraph cell, int[] position) {
        for (Edge e : cell.edges()) {
            if (position[e.from()] >= position[e.to()]) {
                return false;
            }
        }
        return true;
    }

    /** True when the relabelled ops or adjacency differ from the original ones. */
    private static boolean differs(NetworkGraph cell, int[] sigma, int[] position) {
        int n = cell.nodeCount();
        for (int i = 0; i < n; i++) {
            if (!cell.node(sigma[i]).opType().equals(cell.node(i).opType())) {
                return true;
            }
        }
        boolean[] original = new boolean[n * n];
        for (Edge e : cell.edges()) {
            original[e.from() * n + e.to()] = true;
        }
        for (Edge e : cell.edges()) {
            if (!original[position[e.from()] * n + position[e.to()]]) {
                return true;
            }
        }
        return false;
    }

    /** Next lexicographic permutation of {@code a[from..to)}; false when it was the last. */
    private static boolean nextPermutation(int[] a, int from, int to) {
        int i = to - 2;
        while (i >= from && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < from) {
            return false;
        }
        int j = to - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        swap(a, i, j);
        for (int l = i + 1, r = to - 1; l < r; l++, r--) {
            swap(a, l, r);
        }
        return true;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
