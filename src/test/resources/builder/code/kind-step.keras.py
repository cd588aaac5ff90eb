# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [16], output [16]; 0 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(16,)),
    # 0: step -> [16]
    layers.Lambda(lambda x: x + keras.ops.stop_gradient(keras.ops.cast(x >= 0, "float32") - x)),  # step: 1 where x >= 0, else 0; trained straight through as in NN Lab
])

if __name__ == "__main__":
    model.summary()
    x = np.random.rand(64, 16).astype("float32")
    print(tuple(model(x).shape), "expected", (64, 16))
