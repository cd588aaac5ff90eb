# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [2], output [1]; 3 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


class Step(nn.Module):
    """Threshold unit: 1 where x >= 0, else 0, trained straight through as NN Lab does:
    the forward pass gives the step, the backward pass hands the gradient on unchanged."""

    def forward(self, x):
        return x + ((x >= 0).float() - x).detach()


model = nn.Sequential(
    # 0: dense -> [1], 3 parameters
    nn.Linear(2, 1),  # NN Lab starts weights glorot_uniform, biases at 0.0
    # 1: step -> [1]
    Step(),
)

if __name__ == "__main__":
    x = torch.randn(64, 2)
    y = model(x)
    print(tuple(y.shape), "expected", (64, 1))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 3")
