# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [2], output [1]; 9 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(2,)),
    # 0: dense -> [2], 6 parameters
    layers.Dense(2, kernel_initializer="glorot_uniform", bias_initializer="zeros"),
    # 1: sigmoid -> [2]
    layers.Activation("sigmoid"),
    # 2: dense -> [1], 3 parameters
    layers.Dense(1, kernel_initializer="glorot_uniform", bias_initializer="zeros"),
    # 3: sigmoid -> [1]
    layers.Activation("sigmoid"),
])

if __name__ == "__main__":
    model.summary()
    x = np.random.rand(64, 2).astype("float32")
    print(tuple(model(x).shape), "expected", (64, 1))
