# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [16], output [16]; 272 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


model = nn.Sequential(
    # 0: dense -> [16], 272 parameters
    nn.Linear(16, 16),  # NN Lab starts weights glorot_uniform, biases at 0.0
)

if __name__ == "__main__":
    x = torch.randn(64, 16)
    y = model(x)
    print(tuple(y.shape), "expected", (64, 16))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 272")
