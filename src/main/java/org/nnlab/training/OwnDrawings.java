package org.nnlab.training;

import org.nnlab.digits.DrawingCollection;
import org.nnlab.engine.data.LabeledImages;
import org.springframework.stereotype.Component;

/** The drawings people label on the Draw page ("Wrong? Tell it"), as their own training images. */
@Component
class OwnDrawings implements OwnImages {
    private final DrawingCollection drawings;

    OwnDrawings(DrawingCollection drawings) {
        this.drawings = drawings;
    }

    @Override
    public int count(String owner) {
        return drawings.count(owner);
    }

    @Override
    public LabeledImages load(String owner) {
        return drawings.asTrainingSet(owner);
    }
}
