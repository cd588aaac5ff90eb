package org.nnlab.engine.layer;

import java.util.Arrays;
import org.nnlab.engine.spec.WindowGeometry;
import org.nnlab.engine.tensor.ShiftedKernel;

/**
 * {@link Conv2d}'s passes for a stride-1 convolution, one group of samples at a time, without unfolding
 * the input. The group's input is copied onto its padded grid, channel by channel with the samples one
 * after the other in each channel ("the image": [c][group][h + pads][w + pads], zero padding, then a run
 * of ones for the bias). Every position q of that grid is a possible window corner, and row (c, i, j) of
 * the unfolded columns is the image shifted by c·plane + i·width + j, so {@link ShiftedKernel} reads the
 * rows where they lie:
 * <ul>
 *   <li>forward: y on the grid = [W | b] · shifted image rows; the positions windows start at are copied
 *       out to y (the others, the last kw − 1 columns and kh − 1 rows, are dropped);</li>
 *   <li>weight gradient: d[W | b] += dy · shifted image rowsᵀ, with dy laid out on the same grid and zero at
 *       the positions no window starts at (so they add nothing);</li>
 *   <li>input gradient: dx on the grid = Wᵀ read as [c][filters·kh·kw] times dy shifted back by i·width + j
 *       (a window's contribution lands where its input came from; shifts that leave a sample read zeros),
 *       whose unpadded part is copied out to dx: no fold, no clearing of dx.</li>
 * </ul>
 * Each group's buffers are its own (the caller gives them out per thread), so groups run in parallel.
 */
final class ShiftedConv {
    private final int c;
    private final int h;
    private final int w;
    private final int padTop;
    private final int padLeft;
    private final int wp;         // padded width
    private final int hw;         // padded area: one sample's part of a channel
    private final int oh;
    private final int ow;
    private final int filters;
    private final int rows;       // c·kh·kw + 1
    private final int group;
    private final int plane;      // group·hw: one channel of the group
    private final int onesOff;    // c·plane: where the run of ones starts
    /** Grid positions computed per group (the last window corner's, rounded up to the kernel's tile). */
    private final int cols;
    /** Size of one group's image. */
    final int imageSize;
    /** The unfolded rows as shifts of the image, padded to a multiple of 4 (the pad reads the ones). */
    private final int[] offsets;
    /** Rows of a weight-gradient partial (filters rounded up to 4) and its width (rows rounded up to 4). */
    final int gradRows;
    final int gradWidth;
    private final int dyFront;    // zeros before dy on its grid, for the backward shifts
    private final int dyRow;      // one filter's dy on the grid
    private final int dxCols;
    /** Where the input gradient reads dy for (f, i, j): dy shifted back by i·width + j. */
    private final int[] dyOffsets;
    private final float[] packedForward;
    private final float[] rotated;
    private final float[] packedBackward;

    ShiftedConv(WindowGeometry g, int filters, int group) {
        this.c = g.channels();
        this.h = g.height();
        this.w = g.width();
        this.padTop = g.padTop();
        this.padLeft = g.padLeft();
        this.oh = g.outHeight();
        this.ow = g.outWidth();
        int kh = g.kernelH();
        int kw = g.kernelW();
        this.wp = Math.toIntExact(padWidth(g));
        this.hw = Math.toIntExact(padArea(g));
        this.filters = filters;
        this.rows = c * kh * kw + 1;
        this.group = group;
        this.plane = group * hw;
        this.onesOff = c * plane;
        this.cols = Math.toIntExact(corners(g, group));
        this.imageSize = Math.toIntExact(imageSize(g, group));
        this.gradRows = Math.toIntExact(gradRows(filters));
        this.gradWidth = Math.toIntExact(gradWidth(g));
        this.offsets = new int[gradWidth];
        Arrays.fill(offsets, onesOff);
        int p = 0;
        for (int ci = 0; ci < c; ci++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    offsets[p++] = ci * plane + i * wp + j;
                }
            }
        }
        this.dyFront = Math.toIntExact(dyFront(g));
        this.dxCols = Math.toIntExact(dxCols(g, group));
        this.dyRow = dyFront + dxCols;
        this.dyOffsets = new int[filters * kh * kw];
        for (int f = 0, q = 0; f < filters; f++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    dyOffsets[q++] = f * dyRow + dyFront - i * wp - j;
                }
            }
        }
        this.packedForward = new float[ShiftedKernel.packedSize(filters, rows)];
        this.rotated = new float[c * filters * kh * kw];
        this.packedBackward = new float[ShiftedKernel.packedSize(c, filters * kh * kw)];
    }

    // Sizes from the geometry alone, for the constructor and for ConvPlan's estimate of what a layer keeps
    // (in long: the estimate must not wrap for a network too big to build).

    /** Width of the padded grid: the output's plus the kernel's less one. */
    private static long padWidth(WindowGeometry g) {
        return (long) g.outWidth() + g.kernelW() - 1;
    }

    /** One sample's part of a channel on the padded grid. */
    private static long padArea(WindowGeometry g) {
        return ((long) g.outHeight() + g.kernelH() - 1) * padWidth(g);
    }

    /** Grid positions computed for a group: one past the last window corner, rounded up to the kernel's tile. */
    private static long corners(WindowGeometry g, int group) {
        return roundUp((group - 1) * padArea(g) + (g.outHeight() - 1) * padWidth(g) + g.outWidth(), ShiftedKernel.NR);
    }

    private static long dyFront(WindowGeometry g) {
        return (g.kernelH() - 1) * padWidth(g) + g.kernelW() - 1;
    }

    private static long dxCols(WindowGeometry g, int group) {
        return roundUp(group * padArea(g), ShiftedKernel.NR);
    }

    private static long gradRows(int filters) {
        return roundUp(filters, 4);
    }

    private static long gradWidth(WindowGeometry g) {
        return roundUp((long) g.channels() * g.kernelH() * g.kernelW() + 1, 4);
    }

    private static long roundUp(long n, int unit) {
        return (n + unit - 1) / unit * unit;
    }

    /** Values of one group's image ({@link #newImages} per group): the channels' planes, then the run of ones. */
    static long imageSize(WindowGeometry g, int group) {
        return (long) g.channels() * group * padArea(g) + corners(g, group);
    }

    /** Values of {@link #newOutputs}. */
    static long outputsSize(WindowGeometry g, int filters, int group) {
        return roundUp(filters, ShiftedKernel.MR) * corners(g, group);
    }

    /** Values of {@link #newGradOutputs}. */
    static long gradOutputsSize(WindowGeometry g, int filters, int group) {
        return gradRows(filters) * (dyFront(g) + dxCols(g, group));
    }

    /** Values of {@link #newGradImage}. */
    static long gradImageSize(WindowGeometry g, int group) {
        return roundUp(g.channels(), ShiftedKernel.MR) * dxCols(g, group);
    }

    /** Values of a chunk's partial d[W | b]: {@link #gradRows} × {@link #gradWidth}. */
    static long gradientSize(WindowGeometry g, int filters) {
        return gradRows(filters) * gradWidth(g);
    }

    /** Values of the weights packed for the forward and the backward passes (and W rotated for the latter). */
    static long packedSize(WindowGeometry g, int filters) {
        long taps = (long) g.kernelH() * g.kernelW();
        long c = g.channels();
        return roundUp(filters, ShiftedKernel.MR) * (c * taps + 1) + c * filters * taps
                + roundUp(c, ShiftedKernel.MR) * filters * taps;
    }

    /** Whether a convolution can take this path: stride 1, and padding only on the grid's near sides or both. */
    static boolean fits(WindowGeometry g) {
        return g.strideH() == 1 && g.strideW() == 1
                && g.outHeight() + g.kernelH() - 1 >= g.height() + g.padTop()
                && g.outWidth() + g.kernelW() - 1 >= g.width() + g.padLeft();
    }

    /** One past the last window corner of gs samples on the grid. */
    private int last(int gs) {
        return (gs - 1) * hw + (oh - 1) * wp + ow;
    }

    /** A group's image buffer: zero padding (never written) and the run of ones. */
    float[] newImages(int groups) {
        float[] images = new float[groups * imageSize];
        for (int t = 0; t < groups; t++) {
            Arrays.fill(images, t * imageSize + onesOff, (t + 1) * imageSize, 1f);
        }
        return images;
    }

    float[] newOutputs() {
        return new float[ShiftedKernel.roundUp(filters, ShiftedKernel.MR) * cols];
    }

    float[] newGradOutputs() {
        return new float[gradRows * dyRow];
    }

    float[] newGradImage() {
        return new float[ShiftedKernel.roundUp(c, ShiftedKernel.MR) * dxCols];
    }

    /** Packs [W | b] ([filters, rows]) for the forward passes of this batch. */
    void prepareForward(float[] weightsAndBias) {
        ShiftedKernel.pack(weightsAndBias, filters, rows, packedForward);
    }

    /** Packs W ([filters, c, kh, kw]) read as [c][filters·kh·kw] for the input gradients of this batch. */
    void prepareBackward(float[] weights) {
        int taps = (rows - 1) / c;
        for (int ci = 0; ci < c; ci++) {
            for (int f = 0; f < filters; f++) {
                System.arraycopy(weights, (f * c + ci) * taps, rotated, (ci * filters + f) * taps, taps);
            }
        }
        ShiftedKernel.pack(rotated, c, filters * taps, packedBackward);
    }

    /** Copies samples n0 … n0 + gs − 1 of x into the image at {@code off} (slots past gs cleared). */
    void fill(float[] x, int n0, int gs, float[] image, int off) {
        int inSize = c * h * w;
        for (int ci = 0; ci < c; ci++) {
            int channel = off + ci * plane;
            for (int s = 0; s < gs; s++) {
                int src = (n0 + s) * inSize + ci * h * w;
                int dst = channel + s * hw + padTop * wp + padLeft;
                for (int y = 0; y < h; y++) {
                    System.arraycopy(x, src + y * w, image, dst + y * wp, w);
                }
            }
            // a short last group: no stale sample behind it (its values would meet the zeros past the corners)
            Arrays.fill(image, channel + gs * hw, channel + plane, 0f);
        }
    }

    /** y of samples n0 … n0 + gs − 1 from their filled image. */
    void forward(float[] image, int off, int n0, int gs, float[] outputs, float[] y) {
        int n = ShiftedKernel.roundUp(last(gs), ShiftedKernel.NR);
        ShiftedKernel.multiply(packedForward, filters, rows, image, off, offsets, outputs, 0, cols, n);
        int area = oh * ow;
        for (int s = 0; s < gs; s++) {
            for (int f = 0; f < filters; f++) {
                int src = f * cols + s * hw;
                int dst = ((n0 + s) * filters + f) * area;
                for (int oy = 0; oy < oh; oy++) {
                    System.arraycopy(outputs, src + oy * wp, y, dst + oy * ow, ow);
                }
            }
        }
    }

    /**
     * Backward of samples n0 … n0 + gs − 1: d[W | b] += into {@code gradient} ([gradRows][gradWidth]) and,
     * when {@code dx} is not null, their dx (written, not added).
     */
    void backward(float[] image, int off, int n0, int gs, float[] dy, float[] gradOutputs, float[] gradImage,
                  float[] gradient, float[] dx) {
        int area = oh * ow;
        for (int f = 0; f < filters; f++) {
            for (int s = 0; s < gs; s++) {
                int src = ((n0 + s) * filters + f) * area;
                int dst = f * dyRow + dyFront + s * hw;
                for (int oy = 0; oy < oh; oy++) {
                    System.arraycopy(dy, src + oy * ow, gradOutputs, dst + oy * wp, ow);
                }
            }
        }
        int end = last(gs);
        int len = ShiftedKernel.roundUp(end, ShiftedKernel.LANES);
        for (int f = 0; f < filters; f++) {
            // past the last corner: zeros, not a sample a longer group left here
            Arrays.fill(gradOutputs, f * dyRow + dyFront + end, f * dyRow + dyFront + len, 0f);
        }
        ShiftedKernel.dots(gradOutputs, dyFront, dyRow, gradRows, image, off, offsets, gradWidth, len, gradient, gradWidth);
        if (dx == null) {
            return;
        }
        ShiftedKernel.multiply(packedBackward, c, dyOffsets.length, gradOutputs, 0, dyOffsets, gradImage, 0, dxCols,
                ShiftedKernel.roundUp(gs * hw, ShiftedKernel.NR));
        int inSize = c * h * w;
        for (int s = 0; s < gs; s++) {
            for (int ci = 0; ci < c; ci++) {
                int src = ci * dxCols + s * hw + padTop * wp + padLeft;
                int dst = (n0 + s) * inSize + ci * h * w;
                for (int y = 0; y < h; y++) {
                    System.arraycopy(gradImage, src + y * wp, dx, dst + y * w, w);
                }
            }
        }
    }
}
