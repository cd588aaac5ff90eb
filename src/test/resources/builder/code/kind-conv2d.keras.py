# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [3, 12, 12], output [8, 10, 10]; 224 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
# Keras keeps images channels-last: NN Lab's [c, h, w] is (h, w, c) here.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(12, 12, 3)),
    # 0: conv2d -> [8, 10, 10], Keras (10, 10, 8), 224 parameters
    layers.Conv2D(8, (3, 3), strides=(1, 1), padding="valid"),
])

if __name__ == "__main__":
    model.summary()
    x = np.random.rand(64, 12, 12, 3).astype("float32")
    print(tuple(model(x).shape), "expected", (64, 10, 10, 8))
