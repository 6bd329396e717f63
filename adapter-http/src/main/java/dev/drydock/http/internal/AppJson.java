package dev.drydock.http.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drydock.ports.model.App;
import dev.drydock.ports.model.Timestamps;
import java.util.Map;
import java.util.UUID;

/** An app as the API shows it (no url field: upstream has none). */
public record AppJson(UUID uuid, String id, String owner, Map<String, Integer> structure,
                      @JsonProperty("procfile_structure") Map<String, String> procfileStructure,
                      String created, String updated) {

    public static AppJson of(App app) {
        return new AppJson(app.uuid(), app.id(), app.owner(), app.structure(), app.procfileStructure(),
                Timestamps.format(app.created()), Timestamps.format(app.updated()));
    }
}
