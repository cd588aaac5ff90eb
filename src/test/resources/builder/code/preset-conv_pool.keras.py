# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [1, 28, 28], output [10]; 33,580 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
# Keras keeps images channels-last: NN Lab's [c, h, w] is (h, w, c) here.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    # 0: conv_pool_block -> [20, 12, 12], Keras (12, 12, 20), 520 parameters
    # block part 1/3: conv2d -> [20, 24, 24]
    layers.Conv2D(20, (5, 5), strides=(1, 1), padding="valid"),
    # block part 2/3: relu -> [20, 24, 24]
    layers.ReLU(),
    # block part 3/3: maxpool2d -> [20, 12, 12]
    layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    # 1: conv_pool_block -> [50, 4, 4], Keras (4, 4, 50), 25,050 parameters
    # block part 1/3: conv2d -> [50, 8, 8]
    layers.Conv2D(50, (5, 5), strides=(1, 1), padding="valid"),
    # block part 2/3: relu -> [50, 8, 8]
    layers.ReLU(),
    # block part 3/3: maxpool2d -> [50, 4, 4]
    layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
    # 2: flatten -> [800]
    layers.Flatten(),  # channels-last: same size, values in (h, w, c) order
    # 3: dense -> [10], 8,010 parameters
    layers.Dense(10, kernel_initializer="glorot_uniform", bias_initializer="zeros"),
    # 4: softmax -> [10]
    layers.Softmax(),
])

if __name__ == "__main__":
    model.summary()
    x = np.random.rand(64, 28, 28, 1).astype("float32")
    print(tuple(model(x).shape), "expected", (64, 10))
