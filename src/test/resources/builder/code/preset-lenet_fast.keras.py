# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [1, 28, 28], output [10]; 61,706 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
# Keras keeps images channels-last: NN Lab's [c, h, w] is (h, w, c) here.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    # 0: conv2d -> [6, 28, 28], Keras (28, 28, 6), 156 parameters
    layers.ZeroPadding2D(padding=((2, 2), (2, 2))),
    layers.Conv2D(6, (5, 5), strides=(1, 1), padding="valid"),
    # 1: relu -> [6, 28, 28], Keras (28, 28, 6)
    layers.ReLU(),
    # 2: maxpool2d -> [6, 14, 14], Keras (14, 14, 6)
    layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    # 3: conv2d -> [16, 10, 10], Keras (10, 10, 16), 2,416 parameters
    layers.Conv2D(16, (5, 5), strides=(1, 1), padding="valid"),
    # 4: relu -> [16, 10, 10], Keras (10, 10, 16)
    layers.ReLU(),
    # 5: maxpool2d -> [16, 5, 5], Keras (5, 5, 16)
    layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    # 6: flatten -> [400]
    layers.Flatten(),  # channels-last: same size, values in (h, w, c) order
    # 7: dense -> [120], 48,120 parameters
    layers.Dense(120, kernel_initializer="he_normal", bias_initializer="zeros"),
    # 8: relu -> [120]
    layers.ReLU(),
    # 9: dense -> [84], 10,164 parameters
    layers.Dense(84, kernel_initializer="he_normal", bias_initializer="zeros"),
    # 10: relu -> [84]
    layers.ReLU(),
    # 11: dense -> [10], 850 parameters
    layers.Dense(10, kernel_initializer="glorot_uniform", bias_initializer="zeros"),
])

if __name__ == "__main__":
    model.summary()
    x = np.random.rand(64, 28, 28, 1).astype("float32")
    print(tuple(model(x).shape), "expected", (64, 10))
