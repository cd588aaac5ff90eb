package org.nnlab.engine.data.toy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The four classic two-class pictures for small networks, drawn in the square [−6, 6]², each from a seed so
 * that the same seed gives the same points. {@code noise} (0 to 0.5) blurs the picture: points move by up to
 * that fraction of the picture's size (spread, for the Gaussians), so some end up on the other side.
 */
public enum ToyDataset {
    /** Class 1 where x1 and x2 have the same sign: no single line separates it. */
    XOR,
    /** Class 1 inside a disc of radius 2.5, class 0 in a ring from 3.5 to 5 around it. */
    CIRCLE,
    /** Two round clouds, centred at (2, 2) (class 1) and (−2, −2) (class 0). */
    GAUSSIANS,
    /** Two arms winding around the centre, one per class. */
    SPIRAL;

    /** The most noise a data set takes. */
    public static final double MAX_NOISE = 0.5;
    private static final double RADIUS = 5;

    /** {@code count} points (half of each class for the circle, Gaussians and spiral), in a shuffled order. */
    public List<ToyPoint> generate(int count, double noise, long seed) {
        if (count < 2) {
            throw new IllegalArgumentException("a toy data set needs at least 2 points, got " + count);
        }
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new IllegalArgumentException("noise must be in [0, " + MAX_NOISE + "], got " + noise);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<ToyPoint> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            points.add(point(i, count, noise, rng));
        }
        for (int i = points.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            points.set(i, points.set(j, points.get(i)));
        }
        return List.copyOf(points);
    }

    private ToyPoint point(int i, int count, double noise, SplittableRandom rng) {
        return switch (this) {
            case XOR -> xor(noise, rng);
            case CIRCLE -> circle(i % 2 == 0, noise, rng);
            case GAUSSIANS -> gaussian(i % 2 == 0, noise, rng);
            case SPIRAL -> spiral(i / 2, (count + 1) / 2, i % 2 == 0, noise, rng);
        };
    }

    private static ToyPoint xor(double noise, SplittableRandom rng) {
        double x1 = awayFromAxis(uniform(rng, -RADIUS, RADIUS));
        double x2 = awayFromAxis(uniform(rng, -RADIUS, RADIUS));
        int label = x1 * x2 >= 0 ? 1 : 0;
        return new ToyPoint(x1 + uniform(rng, -RADIUS, RADIUS) * noise, x2 + uniform(rng, -RADIUS, RADIUS) * noise, label);
    }

    /** Keeps XOR's clean points a little off the axes, so that without noise the four squares do not touch. */
    private static double awayFromAxis(double v) {
        return v + (v >= 0 ? 0.3 : -0.3);
    }

    private static ToyPoint circle(boolean inside, double noise, SplittableRandom rng) {
        double r = inside ? uniform(rng, 0, RADIUS * 0.5) : uniform(rng, RADIUS * 0.7, RADIUS);
        double angle = uniform(rng, 0, 2 * Math.PI);
        double x1 = r * Math.sin(angle) + uniform(rng, -RADIUS, RADIUS) * noise;
        double x2 = r * Math.cos(angle) + uniform(rng, -RADIUS, RADIUS) * noise;
        return new ToyPoint(x1, x2, inside ? 1 : 0);
    }

    private static ToyPoint gaussian(boolean positive, double noise, SplittableRandom rng) {
        double spread = Math.sqrt(0.5 + (4 - 0.5) * noise / MAX_NOISE);
        double centre = positive ? 2 : -2;
        double x1 = centre + spread * gaussian(rng);
        double x2 = centre + spread * gaussian(rng);
        return new ToyPoint(x1, x2, positive ? 1 : 0);
    }

    private static ToyPoint spiral(int i, int perClass, boolean first, double noise, SplittableRandom rng) {
        double fraction = (double) i / perClass;
        double r = fraction * RADIUS;
        double t = 1.75 * fraction * 2 * Math.PI + (first ? 0 : Math.PI);
        double x1 = r * Math.sin(t) + uniform(rng, -1, 1) * noise * RADIUS / 2;
        double x2 = r * Math.cos(t) + uniform(rng, -1, 1) * noise * RADIUS / 2;
        return new ToyPoint(x1, x2, first ? 1 : 0);
    }

    private static double uniform(SplittableRandom rng, double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    /** A standard normal value (Box–Muller), so that the points depend on the seed alone. */
    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
