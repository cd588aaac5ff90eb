# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [32], output [32, 100]; 28,836 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(32,)),
    # 0: embedding -> [32, 16], 1,600 parameters
    layers.Embedding(100, 16),
    # 1: lstm -> [32, 64], 20,736 parameters
    layers.LSTM(64, return_sequences=True),
    # 2: time_dense -> [32, 100], 6,500 parameters
    layers.Dense(100),  # applied to the last axis
])

if __name__ == "__main__":
    model.summary()
    x = np.random.randint(0, 100, size=(64, 32))  # token ids
    print(tuple(model(x).shape), "expected", (64, 32, 100))
