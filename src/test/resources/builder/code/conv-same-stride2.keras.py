# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [3, 28, 28], output [4, 14, 14]; 304 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
# Keras keeps images channels-last: NN Lab's [c, h, w] is (h, w, c) here.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 3)),
    # 0: conv2d -> [4, 14, 14], Keras (14, 14, 4), 304 parameters
    layers.Conv2D(4, (5, 5), strides=(2, 2), padding="same"),
])

if __name__ == "__main__":
    model.summary()
    x = np.random.rand(64, 28, 28, 3).astype("float32")
    print(tuple(model(x).shape), "expected", (64, 14, 14, 4))
