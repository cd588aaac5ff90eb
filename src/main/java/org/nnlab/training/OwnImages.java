package org.nnlab.training;

import org.nnlab.engine.data.LabeledImages;

/** Images that belong to one person and can be trained on: their own labelled drawings. */
interface OwnImages {
    /** How many images {@code owner} has. */
    int count(String owner);

    /** All of {@code owner}'s images with their labels (28×28, ink = 1). */
    LabeledImages load(String owner);
}
