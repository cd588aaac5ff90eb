# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [10, 8], output [16]; 1,216 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 8)),
    # 0: gru -> [16], 1,216 parameters
    layers.GRU(16, return_sequences=False),  # Keras keeps two bias vectors here: 32 more parameters than NN Lab
])

if __name__ == "__main__":
    model.summary()
    x = np.random.rand(64, 10, 8).astype("float32")
    print(tuple(model(x).shape), "expected", (64, 16))
