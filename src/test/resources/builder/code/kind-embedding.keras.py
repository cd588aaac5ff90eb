# Keras 3 version of a network built in NN Lab's layer builder.
# Per sample: input [16], output [16, 16]; 1,600 parameters in NN Lab.
# Comments give each layer's index, kind and output shape per sample (NN Lab's layout).
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(16,)),
    # 0: embedding -> [16, 16], 1,600 parameters
    layers.Embedding(100, 16),
])

if __name__ == "__main__":
    model.summary()
    x = np.random.randint(0, 100, size=(64, 16))  # token ids
    print(tuple(model(x).shape), "expected", (64, 16, 16))
