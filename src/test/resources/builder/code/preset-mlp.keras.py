# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [1, 28, 28], output [10]; 235,146 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
# Keras keeps images channels-last: NN Lab's [c, h, w] is (h, w, c) here.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    # 0: flatten -> [784]
    layers.Flatten(),  # channels-last: same size, values in (h, w, c) order
    # 1: dense -> [256], 200,960 parameters
    layers.Dense(256, kernel_initializer="he_normal", bias_initializer="zeros"),
    # 2: relu -> [256]
    layers.ReLU(),
    # 3: dense -> [128], 32,896 parameters
    layers.Dense(128, kernel_initializer="he_normal", bias_initializer="zeros"),
    # 4: relu -> [128]
    layers.ReLU(),
    # 5: dense -> [10], 1,290 parameters
    layers.Dense(10, kernel_initializer="glorot_uniform", bias_initializer="zeros"),
])

if __name__ == "__main__":
    model.summary()
    x = np.random.rand(64, 28, 28, 1).astype("float32")
    print(tuple(model(x).shape), "expected", (64, 10))
