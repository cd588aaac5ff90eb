# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [28, 28], output [10]; 12,426 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28)),
    # 0: bidirectional -> [64], 11,776 parameters
    layers.Bidirectional(layers.GRU(32, return_sequences=False)),  # Keras keeps two bias vectors here: 128 more parameters than NN Lab
    # 1: dense -> [10], 650 parameters
    layers.Dense(10, kernel_initializer="glorot_uniform", bias_initializer="zeros"),
    # 2: softmax -> [10]
    layers.Softmax(),
])

if __name__ == "__main__":
    model.summary()
    x = np.random.rand(64, 28, 28).astype("float32")
    print(tuple(model(x).shape), "expected", (64, 10))
