# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [3, 28, 28], output [4, 14, 14]; 304 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


model = nn.Sequential(
    # 0: conv2d -> [4, 14, 14], 304 parameters
    nn.ZeroPad2d((1, 2, 1, 2)),  # "same": the extra row/column goes to the bottom/right
    nn.Conv2d(3, 4, kernel_size=(5, 5), stride=(2, 2), padding=(0, 0)),
)

if __name__ == "__main__":
    x = torch.randn(64, 3, 28, 28)
    y = model(x)
    print(tuple(y.shape), "expected", (64, 4, 14, 14))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 304")
