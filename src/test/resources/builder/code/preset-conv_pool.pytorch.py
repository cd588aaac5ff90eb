# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [1, 28, 28], output [10]; 33,580 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


model = nn.Sequential(
    # 0: conv_pool_block -> [20, 12, 12], 520 parameters
    # block part 1/3: conv2d -> [20, 24, 24]
    nn.Conv2d(1, 20, kernel_size=(5, 5), stride=(1, 1), padding=(0, 0)),
    # block part 2/3: relu -> [20, 24, 24]
    nn.ReLU(),
    # block part 3/3: maxpool2d -> [20, 12, 12]
    nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2)),
    # 1: conv_pool_block -> [50, 4, 4], 25,050 parameters
    # block part 1/3: conv2d -> [50, 8, 8]
    nn.Conv2d(20, 50, kernel_size=(5, 5), stride=(1, 1), padding=(0, 0)),
    # block part 2/3: relu -> [50, 8, 8]
    nn.ReLU(),
    # block part 3/3: maxpool2d -> [50, 4, 4]
    nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2)),
    # 2: flatten -> [800]
    nn.Flatten(),
    # 3: dense -> [10], 8,010 parameters
    nn.Linear(800, 10),  # NN Lab starts weights glorot_uniform, biases at 0.0
    # 4: softmax -> [10]
    nn.Softmax(dim=-1),
)

if __name__ == "__main__":
    x = torch.randn(64, 1, 28, 28)
    y = model(x)
    print(tuple(y.shape), "expected", (64, 10))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 33580")
