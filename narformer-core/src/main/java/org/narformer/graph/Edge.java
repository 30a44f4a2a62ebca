package org.narformer.graph;

/** A directed data edge between two nodes of a {@link NetworkGraph}, by their topological indices. */
public record Edge(int from, int to) { }
