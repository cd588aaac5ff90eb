# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [1, 28, 28], output [10]; 61,706 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


model = nn.Sequential(
    # 0: conv2d -> [6, 28, 28], 156 parameters
    nn.Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2)),
    # 1: relu -> [6, 28, 28]
    nn.ReLU(),
    # 2: maxpool2d -> [6, 14, 14]
    nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2)),
    # 3: conv2d -> [16, 10, 10], 2,416 parameters
    nn.Conv2d(6, 16, kernel_size=(5, 5), stride=(1, 1), padding=(0, 0)),
    # 4: relu -> [16, 10, 10]
    nn.ReLU(),
    # 5: maxpool2d -> [16, 5, 5]
    nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2)),
    # 6: flatten -> [400]
    nn.Flatten(),
    # 7: dense -> [120], 48,120 parameters
    nn.Linear(400, 120),  # NN Lab starts weights he_normal, biases at 0.0
    # 8: relu -> [120]
    nn.ReLU(),
    # 9: dense -> [84], 10,164 parameters
    nn.Linear(120, 84),  # NN Lab starts weights he_normal, biases at 0.0
    # 10: relu -> [84]
    nn.ReLU(),
    # 11: dense -> [10], 850 parameters
    nn.Linear(84, 10),  # NN Lab starts weights glorot_uniform, biases at 0.0
)

if __name__ == "__main__":
    x = torch.randn(64, 1, 28, 28)
    y = model(x)
    print(tuple(y.shape), "expected", (64, 10))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 61706")
