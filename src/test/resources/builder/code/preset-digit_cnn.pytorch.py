# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [1, 28, 28], output [10]; 5,860 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


model = nn.Sequential(
    # 0: conv2d -> [5, 24, 24], 130 parameters
    nn.Conv2d(1, 5, kernel_size=(5, 5), stride=(1, 1), padding=(0, 0)),
    # 1: relu -> [5, 24, 24]
    nn.ReLU(),
    # 2: maxpool2d -> [5, 12, 12]
    nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2)),
    # 3: conv2d -> [20, 8, 8], 2,520 parameters
    nn.Conv2d(5, 20, kernel_size=(5, 5), stride=(1, 1), padding=(0, 0)),
    # 4: relu -> [20, 8, 8]
    nn.ReLU(),
    # 5: maxpool2d -> [20, 4, 4]
    nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2)),
    # 6: flatten -> [320]
    nn.Flatten(),
    # 7: dense -> [10], 3,210 parameters
    nn.Linear(320, 10),  # NN Lab starts weights glorot_uniform, biases at 0.0
    # 8: softmax -> [10]
    nn.Softmax(dim=-1),
)

if __name__ == "__main__":
    x = torch.randn(64, 1, 28, 28)
    y = model(x)
    print(tuple(y.shape), "expected", (64, 10))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 5860")
