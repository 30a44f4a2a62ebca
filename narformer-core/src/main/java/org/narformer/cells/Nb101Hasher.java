package org.narformer.cells;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Computes the official NAS-Bench-101 cell hash ({@code graph_util.hash_module} applied to the pruned spec):
 * each vertex starts as md5 of the text {@code "(out-degree, in-degree, label)"}; then V times, every vertex
 * becomes md5 of (its in-neighbours' hex digests sorted and concatenated) {@code |} (its out-neighbours', sorted)
 * {@code |} (its own); the fingerprint is md5 of the Python text of the sorted digest list,
 * {@code ['…', '…']}. Labels are the official ones (input −1, output −2, conv3x3 0, conv1x1 1, maxpool 2).
 *
 * <p>Built for bulk use: one {@link MessageDigest} and fixed buffers are reused, hex digests are kept as ASCII
 * bytes (their byte order is their string order), and nothing is allocated per vertex. Not thread-safe: use
 * one instance per thread ({@link #local()}).
 */
public final class Nb101Hasher {
    private static final ThreadLocal<Nb101Hasher> LOCAL = ThreadLocal.withInitial(Nb101Hasher::new);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int HEX_LEN = 32;
    private static final int N = Nb101Cell.MAX_VERTICES;

    private final MessageDigest md5;
    private final byte[] digest = new byte[16];
    private byte[][] current = new byte[N][HEX_LEN];
    private byte[][] next = new byte[N][HEX_LEN];
    /** Large enough for the final list text: N × ("'" + 32 hex + "', ") + brackets. */
    private final byte[] text = new byte[N * (HEX_LEN + 4) + 2 + 2 * N * HEX_LEN];
    private final int[] inNeighbours = new int[N];
    private final int[] outNeighbours = new int[N];
    /** Memoized first-round digests, by (out-degree, in-degree, label + 2). */
    private final byte[][][][] initial = new byte[N][N][5][];

    public Nb101Hasher() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    /** The calling thread's hasher. */
    public static Nb101Hasher local() {
        return LOCAL.get();
    }

    /** The official hash of {@code cell} after official pruning, as 32 lowercase hex digits. */
    public String hash(Nb101Cell cell) {
        Nb101Cell p = cell.pruned();
        int n = p.vertexCount();
        boolean[] adj = p.adjacencyArray();
        for (int v = 0; v < n; v++) {
            int in = 0;
            int out = 0;
            for (int w = 0; w < n; w++) {
                if (adj[w * n + v]) {
                    in++;
                }
                if (adj[v * n + w]) {
                    out++;
                }
            }
            byte[] first = initial[out][in][p.op(v).label() + 2];
            if (first == null) {
                first = initialDigest(out, in, p.op(v).label());
                initial[out][in][p.op(v).label() + 2] = first;
            }
            System.arraycopy(first, 0, current[v], 0, HEX_LEN);
        }
        for (int round = 0; round < n; round++) {
            for (int v = 0; v < n; v++) {
                int ins = 0;
                int outs = 0;
                for (int w = 0; w < n; w++) {
                    if (adj[w * n + v]) {
                        inNeighbours[ins++] = w;
                    }
                    if (adj[v * n + w]) {
                        outNeighbours[outs++] = w;
                    }
                }
                sortByHash(inNeighbours, ins);
                sortByHash(outNeighbours, outs);
                int len = 0;
                for (int i = 0; i < ins; i++) {
                    System.arraycopy(current[inNeighbours[i]], 0, text, len, HEX_LEN);
                    len += HEX_LEN;
                }
                text[len++] = '|';
                for (int i = 0; i < outs; i++) {
                    System.arraycopy(current[outNeighbours[i]], 0, text, len, HEX_LEN);
                    len += HEX_LEN;
                }
                text[len++] = '|';
                System.arraycopy(current[v], 0, text, len, HEX_LEN);
                len += HEX_LEN;
                md5Hex(len, next[v]);
            }
            byte[][] t = current;
            current = next;
            next = t;
        }
        for (int v = 0; v < n; v++) {
            inNeighbours[v] = v;
        }
        sortByHash(inNeighbours, n);
        int len = 0;
        text[len++] = '[';
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                text[len++] = ',';
                text[len++] = ' ';
            }
            text[len++] = '\'';
            System.arraycopy(current[inNeighbours[i]], 0, text, len, HEX_LEN);
            len += HEX_LEN;
            text[len++] = '\'';
        }
        text[len++] = ']';
        byte[] hex = new byte[HEX_LEN];
        md5Hex(len, hex);
        return new String(hex, StandardCharsets.US_ASCII);
    }

    /** md5 hex of the Python text {@code "(out, in, label)"}. */
    private byte[] initialDigest(int out, int in, int label) {
        int len = 0;
        text[len++] = '(';
        len = appendInt(out, len);
        text[len++] = ',';
        text[len++] = ' ';
        len = appendInt(in, len);
        text[len++] = ',';
        text[len++] = ' ';
        len = appendInt(label, len);
        text[len++] = ')';
        byte[] hex = new byte[HEX_LEN];
        md5Hex(len, hex);
        return hex;
    }

    /** Insertion sort of vertex indices by their current hex digest (few elements). */
    private void sortByHash(int[] idx, int count) {
        for (int i = 1; i < count; i++) {
            int x = idx[i];
            int j = i - 1;
            while (j >= 0 && java.util.Arrays.compare(current[idx[j]], current[x]) > 0) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = x;
        }
    }

    private int appendInt(int value, int len) {
        if (value < 0) {
            text[len++] = '-';
            value = -value;
        }
        if (value >= 10) {
            len = appendInt(value / 10, len);
            value %= 10;
        }
        text[len++] = (byte) ('0' + value);
        return len;
    }

    private void md5Hex(int len, byte[] hexOut) {
        md5.update(text, 0, len);
        try {
            md5.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < digest.length; i++) {
            hexOut[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            hexOut[2 * i + 1] = HEX[digest[i] & 0xF];
        }
    }
}
