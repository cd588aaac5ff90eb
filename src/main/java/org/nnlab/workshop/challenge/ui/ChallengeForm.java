package org.nnlab.workshop.challenge.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import org.nnlab.workshop.challenge.Challenge;
import org.nnlab.workshop.challenge.ChallengeService;

/** The instructor's controls: the objective and limits of a new challenge, start it, stop the current one. */
class ChallengeForm extends Div {
    final Select<Challenge.Objective> objective = new Select<>();
    final IntegerField parameters = new IntegerField();
    final IntegerField epochs = new IntegerField();
    final IntegerField minutes = new IntegerField();
    final Button start = new Button();
    final Button stop = new Button();

    ChallengeForm(ChallengeService challenges, String roomId, String key) {
        setId("challenge-form");
        addClassName("nnlab-challenge-form");
        objective.setLabel(getTranslation("challenge.form.objective"));
        objective.setItems(Challenge.Objective.values());
        objective.setItemLabelGenerator(o -> getTranslation("challenge.objective." + o.name()));
        objective.setValue(Challenge.Objective.MNIST_TEST);
        objective.setId("challenge-objective");
        limit(parameters, "challenge.form.parameters", 100_000, (int) Math.min(Integer.MAX_VALUE, ChallengeService.MAX_PARAMETERS));
        parameters.setId("challenge-parameters");
        limit(epochs, "challenge.form.epochs", 5, ChallengeService.MAX_EPOCHS);
        epochs.setId("challenge-epochs");
        limit(minutes, "challenge.form.minutes", 20, ChallengeService.MAX_MINUTES);
        minutes.setId("challenge-minutes");
        start.setText(getTranslation("challenge.form.start"));
        start.setId("challenge-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClickListener(e -> challenges.start(roomId, key, objective.getValue(), value(parameters),
                value(epochs), value(minutes)));
        stop.setText(getTranslation("challenge.form.stop"));
        stop.setId("challenge-stop");
        stop.addClickListener(e -> challenges.stop(roomId, key));
        add(objective, parameters, epochs, minutes, new Div(start, stop));
    }

    private void limit(IntegerField field, String label, int value, int max) {
        field.setLabel(getTranslation(label));
        field.setMin(1);
        field.setMax(max);
        field.setValue(value);
        field.setStepButtonsVisible(true);
    }

    /** The field's number; an empty field counts as 0, which the service refuses with a clear message. */
    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }
}
