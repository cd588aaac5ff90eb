# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [3, 12, 12], output [3, 6, 6]; 0 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


model = nn.Sequential(
    # 0: avgpool2d -> [3, 6, 6]
    nn.AvgPool2d(kernel_size=(2, 2), stride=(2, 2)),
)

if __name__ == "__main__":
    x = torch.randn(64, 3, 12, 12)
    y = model(x)
    print(tuple(y.shape), "expected", (64, 3, 6, 6))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 0")
