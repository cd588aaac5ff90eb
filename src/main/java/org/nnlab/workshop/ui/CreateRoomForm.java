package org.nnlab.workshop.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.nnlab.workshop.RoomLimits;
import org.nnlab.workshop.RoomService;
import org.nnlab.workshop.RoomSettings;
import org.nnlab.workshop.WorkshopProperties;

/** The instructor's form for a new room: title, language, the pages participants use, and the limits of their runs. */
class CreateRoomForm extends VerticalLayout {
    final TextField title = new TextField();
    final Select<String> language = new Select<>();
    final CheckboxGroup<String> pages = new CheckboxGroup<>();
    final IntegerField maxEpochs = new IntegerField();
    final IntegerField maxParameters = new IntegerField();
    final Button create = new Button();

    CreateRoomForm(WorkshopProperties properties, Consumer<RoomSettings> onCreate) {
        setId("room-create-form");
        setPadding(false);
        title.setId("room-title");
        title.setLabel(getTranslation("workshop.create.title"));
        title.setMaxLength(RoomService.MAX_TITLE);
        title.setRequired(true);
        title.setWidthFull();
        language.setId("room-language");
        language.setLabel(getTranslation("workshop.create.language"));
        language.setItems(List.of("en", "zh"));
        language.setItemLabelGenerator(l -> getTranslation("workshop.language." + l));
        language.setValue(getLocale() != null && "zh".equals(getLocale().getLanguage()) ? "zh" : "en");
        pages.setId("room-pages");
        pages.setLabel(getTranslation("workshop.create.pages"));
        pages.setItems(RoomService.PAGES);
        pages.setItemLabelGenerator(p -> getTranslation("workshop.page." + p));
        pages.setValue(new java.util.LinkedHashSet<>(RoomService.PAGES));
        maxEpochs.setId("room-max-epochs");
        maxEpochs.setLabel(getTranslation("workshop.create.maxEpochs"));
        maxEpochs.setMin(1);
        maxEpochs.setValue(properties.defaultMaxEpochs());
        maxEpochs.setStepButtonsVisible(true);
        maxParameters.setId("room-max-parameters");
        maxParameters.setLabel(getTranslation("workshop.create.maxParameters"));
        maxParameters.setMin(1);
        maxParameters.setValue((int) Math.min(Integer.MAX_VALUE, properties.defaultMaxParameters()));
        create.setId("room-create");
        create.setText(getTranslation("workshop.create.button"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> onCreate.accept(settings()));
        FormLayout form = new FormLayout(title, language, maxEpochs, maxParameters, pages);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.setColspan(title, 2);
        form.setColspan(pages, 2);
        add(form, create);
    }

    RoomSettings settings() {
        List<String> chosen = new ArrayList<>(RoomService.PAGES);
        chosen.retainAll(pages.getValue());
        int epochs = maxEpochs.getValue() == null ? 0 : maxEpochs.getValue();
        int parameters = maxParameters.getValue() == null ? 0 : maxParameters.getValue();
        if (epochs < 1 || parameters < 1) {
            throw new org.nnlab.base.i18n.LocalizedException("workshop.error.limits", "limits must be at least 1");
        }
        return new RoomSettings(title.getValue(), language.getValue() == null ? "en" : language.getValue().toLowerCase(Locale.ROOT),
                chosen, new RoomLimits(epochs, parameters));
    }
}
