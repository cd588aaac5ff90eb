# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [1, 28, 28], output [10]; 235,146 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


model = nn.Sequential(
    # 0: flatten -> [784]
    nn.Flatten(),
    # 1: dense -> [256], 200,960 parameters
    nn.Linear(784, 256),  # NN Lab starts weights he_normal, biases at 0.0
    # 2: relu -> [256]
    nn.ReLU(),
    # 3: dense -> [128], 32,896 parameters
    nn.Linear(256, 128),  # NN Lab starts weights he_normal, biases at 0.0
    # 4: relu -> [128]
    nn.ReLU(),
    # 5: dense -> [10], 1,290 parameters
    nn.Linear(128, 10),  # NN Lab starts weights glorot_uniform, biases at 0.0
)

if __name__ == "__main__":
    x = torch.randn(64, 1, 28, 28)
    y = model(x)
    print(tuple(y.shape), "expected", (64, 10))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 235146")
