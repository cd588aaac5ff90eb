# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [32], output [32, 100]; 28,836 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


class TokenIds(nn.Module):
    """NN Lab feeds token ids as floats; nn.Embedding wants integers."""

    def forward(self, x):
        return x.long()


class Recurrent(nn.Module):
    """Runs a batch-first RNN, LSTM or GRU and keeps every step or only the final state, as NN Lab does.
    A bidirectional layer's final state is the forward direction at the last step followed by the
    backward direction at the first step."""

    def __init__(self, rnn, return_sequences):
        super().__init__()
        self.rnn = rnn
        self.return_sequences = return_sequences

    def forward(self, x):
        out, _ = self.rnn(x)
        if self.return_sequences:
            return out
        if self.rnn.bidirectional:
            half = out.shape[-1] // 2
            return torch.cat([out[:, -1, :half], out[:, 0, half:]], dim=-1)
        return out[:, -1, :]


model = nn.Sequential(
    # 0: embedding -> [32, 16], 1,600 parameters
    TokenIds(),
    nn.Embedding(100, 16),
    # 1: lstm -> [32, 64], 20,736 parameters
    Recurrent(nn.LSTM(16, 64, batch_first=True), return_sequences=True),  # PyTorch keeps two bias vectors here: 256 more parameters than NN Lab
    # 2: time_dense -> [32, 100], 6,500 parameters
    nn.Linear(64, 100),  # applied to the last axis, the same weights at every step
)

if __name__ == "__main__":
    x = torch.randint(0, 100, (64, 32)).float()  # token ids
    y = model(x)
    print(tuple(y.shape), "expected", (64, 32, 100))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 28836")
