package org.narformer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.narformer.tokenizer.TokenizedGraph;

/** Random graphs for model tests: a random DAG (symmetrised), random tokens, random static features. */
public final class SyntheticGraphs {
    private SyntheticGraphs() {
    }

    public static TokenizedGraph random(int nodes, int tokenDim, int staticDim, SplittableRandom rng) {
        float[] tokens = new float[nodes * tokenDim];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        boolean[] adjacency = new boolean[nodes * nodes];
        for (int j = 1; j < nodes; j++) {
            int parent = rng.nextInt(j);
            link(adjacency, nodes, parent, j);
            if (j > 1 && rng.nextDouble() < 0.3) {
                link(adjacency, nodes, rng.nextInt(j), j);
            }
        }
        float[] sf = new float[staticDim];
        for (int i = 0; i < staticDim; i++) {
            sf[i] = (float) rng.nextDouble();
        }
        return new TokenizedGraph(nodes, tokenDim, tokens, adjacency, sf);
    }

    public static List<TokenizedGraph> randomList(int count, int minNodes, int maxNodes, int tokenDim, int staticDim,
                                                  long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<TokenizedGraph> list = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            list.add(random(minNodes + rng.nextInt(maxNodes - minNodes + 1), tokenDim, staticDim, rng));
        }
        return list;
    }

    /** The same graph with node i renamed perm[i]. */
    public static TokenizedGraph relabel(TokenizedGraph g, int[] perm) {
        int n = g.nodeCount();
        int t = g.tokenDim();
        float[] tokens = new float[n * t];
        boolean[] adjacency = new boolean[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(g.tokens(), i * t, tokens, perm[i] * t, t);
            for (int j = 0; j < n; j++) {
                adjacency[perm[i] * n + perm[j]] = g.adjacent(i, j);
            }
        }
        return new TokenizedGraph(n, t, tokens, adjacency, g.staticFeatures());
    }

    private static void link(boolean[] adjacency, int n, int a, int b) {
        adjacency[a * n + b] = true;
        adjacency[b * n + a] = true;
    }
}
