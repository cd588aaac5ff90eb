# PyTorch version of a network built in NN Lab's layer builder.
# Per sample: input [28, 28], output [10]; 12,426 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import torch
from torch import nn


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
    # 0: bidirectional -> [64], 11,776 parameters
    Recurrent(nn.GRU(28, 32, batch_first=True, bidirectional=True), return_sequences=False),  # PyTorch keeps two bias vectors here: 128 more parameters than NN Lab
    # 1: dense -> [10], 650 parameters
    nn.Linear(64, 10),  # NN Lab starts weights glorot_uniform, biases at 0.0
    # 2: softmax -> [10]
    nn.Softmax(dim=-1),
)

if __name__ == "__main__":
    x = torch.randn(64, 28, 28)
    y = model(x)
    print(tuple(y.shape), "expected", (64, 10))
    print(sum(p.numel() for p in model.parameters()), "parameters; NN Lab counts 12426")
