# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [2], output [1]; 3 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(2,)),
    # 0: dense -> [1], 3 parameters
    layers.Dense(1, kernel_initializer="glorot_uniform", bias_initializer="zeros"),
    # 1: step -> [1]
    layers.Lambda(lambda x: x + keras.ops.stop_gradient(keras.ops.cast(x >= 0, "float32") - x)),  # step: 1 where x >= 0, else 0; trained straight through as in NN Lab
])

if __name__ == "__main__":
    model.summary()
    x = np.random.rand(64, 2).astype("float32")
    print(tuple(model(x).shape), "expected", (64, 1))
