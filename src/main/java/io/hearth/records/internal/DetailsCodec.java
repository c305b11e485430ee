package io.hearth.records.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hearth.records.RecordDetails;
import tools.jackson.databind.json.JsonMapper;

/** Details to and from the JSON that is encrypted; compact (no empty fields). */
final class DetailsCodec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();

    private DetailsCodec() {
    }

    static String write(RecordDetails details) {
        return JSON.writeValueAsString(details);
    }

    static RecordDetails read(String json) {
        return JSON.readValue(json, RecordDetails.class);
    }
}
