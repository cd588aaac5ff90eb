# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [16], output [16]; 32 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


model = nn.Sequential(
    # 0: batch_norm -> [16], 32 parameters
    nn.BatchNorm1d(16, eps=0.00001, momentum=0.1),
)

if __name__ == "__main__":
    x = torch.randn(64, 16)
    y = model(x)
    print(tuple(y.shape), "expected", (64, 16))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 32")
