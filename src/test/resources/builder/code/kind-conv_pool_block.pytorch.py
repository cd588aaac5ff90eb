# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [3, 12, 12], output [8, 4, 4]; 608 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


model = nn.Sequential(
    # 0: conv_pool_block -> [8, 4, 4], 608 parameters
    # block part 1/3: conv2d -> [8, 8, 8]
    nn.Conv2d(3, 8, kernel_size=(5, 5), stride=(1, 1), padding=(0, 0)),
    # block part 2/3: relu -> [8, 8, 8]
    nn.ReLU(),
    # block part 3/3: maxpool2d -> [8, 4, 4]
    nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2)),
)

if __name__ == "__main__":
    x = torch.randn(64, 3, 12, 12)
    y = model(x)
    print(tuple(y.shape), "expected", (64, 8, 4, 4))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 608")
