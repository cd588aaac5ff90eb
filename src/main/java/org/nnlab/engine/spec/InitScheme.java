package org.nnlab.engine.spec;

/**
 * How starting weights are drawn; {@code fanIn} and {@code fanOut} are the number of inputs and outputs
 * of one unit, {@code scale} comes from {@link Init}.
 * <ul>
 *   <li>{@code GLOROT_UNIFORM}: U(−a, a), a = scale·√(6 / (fanIn + fanOut)) (Glorot and Bengio, 2010)</li>
 *   <li>{@code GLOROT_NORMAL}: N(0, σ²), σ = scale·√(2 / (fanIn + fanOut))</li>
 *   <li>{@code HE_UNIFORM}: U(−a, a), a = scale·√(6 / fanIn) (He et al., 2015, for ReLU)</li>
 *   <li>{@code HE_NORMAL}: N(0, σ²), σ = scale·√(2 / fanIn)</li>
 *   <li>{@code UNIFORM}: U(−scale, scale)</li>
 *   <li>{@code NORMAL}: N(0, scale²)</li>
 *   <li>{@code CONSTANT}: every value equals scale (0 for the usual bias)</li>
 *   <li>{@code FIXED}: the listed values in row-major order (for teaching examples)</li>
 * </ul>
 */
public enum InitScheme {
    GLOROT_UNIFORM,
    GLOROT_NORMAL,
    HE_UNIFORM,
    HE_NORMAL,
    UNIFORM,
    NORMAL,
    CONSTANT,
    FIXED
}
