# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [3, 12, 12], output [8, 4, 4]; 608 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
# Keras keeps images channels-last: NN Lab's [c, h, w] is (h, w, c) here.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(12, 12, 3)),
    # 0: conv_pool_block -> [8, 4, 4], Keras (4, 4, 8), 608 parameters
    # block part 1/3: conv2d -> [8, 8, 8]
    layers.Conv2D(8, (5, 5), strides=(1, 1), padding="valid"),
    # block part 2/3: relu -> [8, 8, 8]
    layers.ReLU(),
    # block part 3/3: maxpool2d -> [8, 4, 4]
    layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2)),
])

if __name__ == "__main__":
    model.summary()
    x = np.random.rand(64, 12, 12, 3).astype("float32")
    print(tuple(model(x).shape), "expected", (64, 4, 4, 8))
