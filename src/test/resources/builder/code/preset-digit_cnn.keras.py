# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [1, 28, 28], output [10]; 5,860 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
# Keras keeps images channels-last: NN Lab's [c, h, w] is (h, w, c) here.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    # 0: conv2d -> [5, 24, 24], Keras (24, 24, 5), 130 parameters
    layers.Conv2D(5, (5, 5), strides=(1, 1), padding="valid"),
    # 1: relu -> [5, 24, 24], Keras (24, 24, 5)
    layers.ReLU(),
    # 2: maxpool2d -> [5, 12, 12], Keras (12, 12, 5)
    layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    # 3: conv2d -> [20, 8, 8], Keras (8, 8, 20), 2,520 parameters
    layers.Conv2D(20, (5, 5), strides=(1, 1), padding="valid"),
    # 4: relu -> [20, 8, 8], Keras (8, 8, 20)
    layers.ReLU(),
    # 5: maxpool2d -> [20, 4, 4], Keras (4, 4, 20)
    layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    # 6: flatten -> [320]
    layers.Flatten(),  # channels-last: same size, values in (h, w, c) order
    # 7: dense -> [10], 3,210 parameters
    layers.Dense(10, kernel_initializer="glorot_uniform", bias_initializer="zeros"),
    # 8: softmax -> [10]
    layers.Softmax(),
])

if __name__ == "__main__":
    model.summary()
    x = np.random.rand(64, 28, 28, 1).astype("float32")
    print(tuple(model(x).shape), "expected", (64, 10))
