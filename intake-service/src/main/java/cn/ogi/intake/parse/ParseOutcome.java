package cn.ogi.intake.parse;

import cn.ogi.form.model.AnnualReport;
import java.util.List;

/** The report read from a published text, its edition, and what the parser had to decide on the way. */
public record ParseOutcome(AnnualReport report, String edition, List<ParseNote> notes) {

    public ParseOutcome {
        notes = List.copyOf(notes);
    }

    public List<ParseNote> notes(String kind) {
        return notes.stream().filter(n -> n.kind().equals(kind)).toList();
    }
}
