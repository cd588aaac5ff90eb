# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [10, 8], output [32]; 800 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(10, 8)),
    # 0: bidirectional -> [32], 800 parameters
    layers.Bidirectional(layers.SimpleRNN(16, return_sequences=False)),
])

if __name__ == "__main__":
    model.summary()
    x = np.random.rand(64, 10, 8).astype("float32")
    print(tuple(model(x).shape), "expected", (64, 32))
