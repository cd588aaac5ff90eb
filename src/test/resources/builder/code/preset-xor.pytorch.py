# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [2], output [1]; 9 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


model = nn.Sequential(
    # 0: dense -> [2], 6 parameters
    nn.Linear(2, 2),  # NN Lab starts weights glorot_uniform, biases at 0.0
    # 1: sigmoid -> [2]
    nn.Sigmoid(),
    # 2: dense -> [1], 3 parameters
    nn.Linear(2, 1),  # NN Lab starts weights glorot_uniform, biases at 0.0
    # 3: sigmoid -> [1]
    nn.Sigmoid(),
)

if __name__ == "__main__":
    x = torch.randn(64, 2)
    y = model(x)
    print(tuple(y.shape), "expected", (64, 1))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 9")
