package org.nnlab.engine.rbm;

import org.nnlab.engine.tensor.Tensor;

/**
 * What one contrastive-divergence step saw. The tensors are the trainer's buffers, valid until its next
 * step; the gradients themselves are in the RBM's {@code Param.grad()}s, as d(−log-likelihood)/d(param),
 * so the CD estimate of the log-likelihood gradient is their negative.
 *
 * @param positiveHidden      p(h | v0) of the data [batch, hidden]
 * @param reconstruction      p(v | h0) with h0 sampled from the data's hidden probabilities [batch, visible]
 * @param negativeVisible     the end of the negative chain, v_k [chains, visible]
 * @param negativeHidden      p(h | v_k) [chains, hidden]
 * @param reconstructionError mean over batch and units of (v0 − reconstruction)²
 */
public record CdStep(Tensor positiveHidden, Tensor reconstruction, Tensor negativeVisible, Tensor negativeHidden,
                     double reconstructionError) {
}
