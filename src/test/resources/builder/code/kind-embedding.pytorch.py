# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [16], output [16, 16]; 1,600 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


class TokenIds(nn.Module):
    """NN Lab feeds token ids as floats; nn.Embedding wants integers."""

    def forward(self, x):
        return x.long()


model = nn.Sequential(
    # 0: embedding -> [16, 16], 1,600 parameters
    TokenIds(),
    nn.Embedding(100, 16),
)

if __name__ == "__main__":
    x = torch.randint(0, 100, (64, 16)).float()  # token ids
    y = model(x)
    print(tuple(y.shape), "expected", (64, 16, 16))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 1600")
