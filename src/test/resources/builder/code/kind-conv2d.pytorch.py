# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [3, 12, 12], output [8, 10, 10]; 224 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


model = nn.Sequential(
    # 0: conv2d -> [8, 10, 10], 224 parameters
    nn.Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), padding=(0, 0)),
)

if __name__ == "__main__":
    x = torch.randn(64, 3, 12, 12)
    y = model(x)
    print(tuple(y.shape), "expected", (64, 8, 10, 10))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 224")
