package org.nnlab.engine.layer;

import java.util.Arrays;
import org.nnlab.engine.spec.WindowGeometry;

/**
 * Unfolds one sample for a convolution and folds gradients back. For an input {@code [c, h, w]} the
 * columns matrix is {@code [c·kh·kw, oh·ow]}: row (ci, i, j) holds, for each output position (oy,
 * ox), the input value x[ci, oy·sh − padTop + i, ox·sw − padLeft + j], or 0 where that falls in the
 * padding. A convolution is then W [filters, c·kh·kw] · columns.
 */
final class Im2col {
    private Im2col() {
    }

    /**
     * columns[cOff …] = unfold(x[xOff …]), each of the c·kh·kw rows {@code ld} values after the previous
     * ({@code ld} = oh·ow for one sample alone; larger when several samples sit side by side).
     */
    static void unfold(WindowGeometry g, float[] x, int xOff, float[] columns, int cOff, int ld) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int row = cOff;
        for (int ci = 0; ci < g.channels(); ci++) {
            int plane = xOff + ci * g.height() * g.width();
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++) {
                    int oxLo = firstInside(j - g.padLeft(), g.strideW());
                    int oxHi = lastInside(j - g.padLeft(), g.strideW(), g.width(), ow);
                    int len = oxHi - oxLo + 1;
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * g.strideH() - g.padTop() + i;
                        int dst = row + oy * ow;
                        if (iy < 0 || iy >= g.height() || oxLo > oxHi) {
                            Arrays.fill(columns, dst, dst + ow, 0f);
                            continue;
                        }
                        // the padding at the row's ends is a value or two: plain stores, not a call each
                        for (int ox = 0; ox < oxLo; ox++) {
                            columns[dst + ox] = 0f;
                        }
                        int src = plane + iy * g.width() + j - g.padLeft();
                        if (g.strideW() == 1) {
                            System.arraycopy(x, src + oxLo, columns, dst + oxLo, len);
                        } else {
                            for (int ox = oxLo; ox <= oxHi; ox++) {
                                columns[dst + ox] = x[src + ox * g.strideW()];
                            }
                        }
                        for (int ox = oxHi + 1; ox < ow; ox++) {
                            columns[dst + ox] = 0f;
                        }
                    }
                    row += ld;
                }
            }
        }
    }

    /** dx[xOff …] += fold(columns[cOff …]) (rows {@code ld} apart): each entry added back where it came from. */
    static void fold(WindowGeometry g, float[] columns, int cOff, int ld, float[] dx, int xOff) {
        int oh = g.outHeight();
        int ow = g.outWidth();
        int row = cOff;
        for (int ci = 0; ci < g.channels(); ci++) {
            int plane = xOff + ci * g.height() * g.width();
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++) {
                    int oxLo = firstInside(j - g.padLeft(), g.strideW());
                    int oxHi = lastInside(j - g.padLeft(), g.strideW(), g.width(), ow);
                    int len = oxHi - oxLo + 1;
                    for (int oy = 0; oy < oh; oy++) {
                        int iy = oy * g.strideH() - g.padTop() + i;
                        if (iy < 0 || iy >= g.height()) {
                            continue;
                        }
                        int src = row + oy * ow;
                        int dst = plane + iy * g.width() + j - g.padLeft();
                        int sw = g.strideW();
                        if (sw == 1) {
                            addInto(columns, src + oxLo, dx, dst + oxLo, len);
                        } else {
                            for (int ox = oxLo; ox <= oxHi; ox++) {
                                dx[dst + ox * sw] += columns[src + ox];
                            }
                        }
                    }
                    row += ld;
                }
            }
        }
    }

    /**
     * to[t …] += from[f …] for len values, as a plain loop the JIT turns into vector instructions itself.
     * Written with the Vector API (and {@code unfold}'s copy with it), a row shorter than a vector in a
     * network trained first (a small convolution) left the JIT's compiled code calling the vector methods
     * out of line, each vector then an object on the heap: hundreds of MB/s of garbage on a server whose
     * people train different networks, for every network trained after.
     */
    private static void addInto(float[] from, int f, float[] to, int t, int len) {
        for (int q = 0; q < len; q++) {
            to[t + q] += from[f + q];
        }
    }

    /** Smallest ox ≥ 0 with ox·s + offset ≥ 0. */
    private static int firstInside(int offset, int s) {
        return offset >= 0 ? 0 : (-offset + s - 1) / s;
    }

    /** Largest ox < ow with ox·s + offset < width (may be below firstInside when none fits). */
    private static int lastInside(int offset, int s, int width, int ow) {
        int last = width - 1 - offset;
        if (last < 0) {
            return -1;
        }
        return Math.min(ow - 1, last / s);
    }
}
