package cn.ogi.reporting.registry;

import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports jurisdictions and agencies from one CSV, all or nothing: every line is checked first
 * (against the registry and the other lines of the file) and any bad line refuses the whole file,
 * with every bad line named.
 *
 * <p>Columns (header required): {@code record,code,name,kind,parent,reportsFrom,reportsUntil}.
 * {@code record} is {@code jurisdiction} or {@code agency}; for a jurisdiction {@code kind} is its
 * level (optional, derived from the code) and {@code parent} its parent; for an agency {@code kind}
 * is {@code government} or {@code department} and {@code parent} its jurisdiction.
 */
@ApplicationScoped
public class RegistryImport {

    static final List<String> COLUMNS =
            List.of("record", "code", "name", "kind", "parent", "reportsFrom", "reportsUntil");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();

    @Inject
    RegistryService registry;

    /** How many records the import created, changed and found as they were. */
    public record ImportSummary(int jurisdictions, int agencies, int created, int updated, int unchanged) {}

    private record Line<T>(int number, T value) {}

    @Transactional
    public ImportSummary importCsv(Reader csv) {
        List<Line<JurisdictionView>> jurisdictions = new ArrayList<>();
        List<Line<AgencyView>> agencies = new ArrayList<>();
        List<Problem.InputError> errors = new ArrayList<>();
        read(csv, jurisdictions, agencies, errors);

        Map<String, String> levelInFile = new HashMap<>();
        jurisdictions.forEach(
                l -> levelInFile.put(l.value().code(), levelOrNull(l.value().code())));
        for (Line<JurisdictionView> line : jurisdictions) {
            RegistryRules.checkJurisdiction(
                            line.value(),
                            parent -> Optional.ofNullable(levelInFile.get(parent))
                                    .or(() -> registry.jurisdiction(parent).map(JurisdictionView::level)))
                    .forEach(p -> errors.add(new Problem.InputError(line.number(), p.field(), p.message())));
        }
        for (Line<AgencyView> line : agencies) {
            RegistryRules.checkAgency(
                            line.value(),
                            j -> levelInFile.containsKey(j)
                                    || registry.jurisdiction(j).isPresent())
                    .forEach(p -> errors.add(new Problem.InputError(line.number(), p.field(), p.message())));
        }
        rejectDuplicates(jurisdictions, errors);
        rejectDuplicates(agencies, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.InputError::line));
            throw ProblemException.unprocessable(
                            "invalid-registry-import",
                            errors.size()
                                    + " problem(s) in the CSV, nothing was imported; the first, on line "
                                    + errors.get(0).line()
                                    + ": " + errors.get(0).message())
                    .withErrors(errors);
        }

        Map<RegistryService.Outcome, Integer> outcomes = new java.util.EnumMap<>(RegistryService.Outcome.class);
        // Parents before children, so that every foreign key holds as rows are written.
        jurisdictions.stream()
                .sorted(Comparator.comparingInt(
                        l -> RegistryRules.LEVELS.indexOf(levelOrNull(l.value().code()))))
                .forEach(l ->
                        outcomes.merge(registry.applyJurisdiction(l.value()).outcome(), 1, Integer::sum));
        agencies.forEach(l -> outcomes.merge(registry.applyAgency(l.value()).outcome(), 1, Integer::sum));
        return new ImportSummary(
                jurisdictions.size(),
                agencies.size(),
                outcomes.getOrDefault(RegistryService.Outcome.CREATED, 0),
                outcomes.getOrDefault(RegistryService.Outcome.UPDATED, 0),
                outcomes.getOrDefault(RegistryService.Outcome.UNCHANGED, 0));
    }

    private void read(
            Reader csv,
            List<Line<JurisdictionView>> jurisdictions,
            List<Line<AgencyView>> agencies,
            List<Problem.InputError> errors) {
        try (var parser = FORMAT.parse(csv)) {
            List<String> header = parser.getHeaderNames();
            if (!header.containsAll(COLUMNS)) {
                throw ProblemException.unprocessable(
                        "invalid-registry-import",
                        "The CSV header must name the columns " + String.join(",", COLUMNS) + "; it has "
                                + String.join(",", header));
            }
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                String kind = blankToNull(record.get("kind"));
                String parent = blankToNull(record.get("parent"));
                switch (record.get("record")) {
                    case "jurisdiction" ->
                        jurisdictions.add(new Line<>(
                                line, new JurisdictionView(record.get("code"), record.get("name"), kind, parent)));
                    case "agency" -> {
                        Integer from = year(record, "reportsFrom", line, errors);
                        Integer until = year(record, "reportsUntil", line, errors);
                        agencies.add(new Line<>(
                                line,
                                new AgencyView(record.get("code"), record.get("name"), kind, parent, from, until)));
                    }
                    default ->
                        errors.add(new Problem.InputError(
                                line,
                                "record",
                                "record must be 'jurisdiction' or 'agency', got '" + record.get("record") + "'"));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw ProblemException.unprocessable(
                    "invalid-registry-import", "The CSV cannot be read: " + e.getMessage());
        }
    }

    private static Integer year(CSVRecord record, String column, int line, List<Problem.InputError> errors) {
        String value = blankToNull(record.get(column));
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(new Problem.InputError(line, column, column + " must be a year, got '" + value + "'"));
            return null;
        }
    }

    private static <T> void rejectDuplicates(List<Line<T>> lines, List<Problem.InputError> errors) {
        Set<String> seen = new HashSet<>();
        for (Line<T> line : lines) {
            String code = line.value() instanceof JurisdictionView j ? j.code() : ((AgencyView) line.value()).code();
            if (!seen.add(code)) {
                errors.add(
                        new Problem.InputError(line.number(), "code", "code " + code + " appears twice in the file"));
            }
        }
    }

    private static String levelOrNull(String code) {
        return cn.ogi.form.identity.DivisionCode.problem(code).isPresent()
                ? null
                : RegistryRules.levelOf(cn.ogi.form.identity.DivisionCode.parse(code));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
