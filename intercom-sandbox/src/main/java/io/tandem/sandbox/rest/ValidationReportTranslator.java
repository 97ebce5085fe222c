package io.tandem.sandbox.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext;

import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * Turns swagger-request-validator's report into Intercom's error objects, one per offending field.
 *
 * <p>Intercom's request bodies are {@code oneOf} alternatives (admin or contact reply; close, snooze, open or
 * assignment). A body that fits none makes the validator report every alternative's complaints; this class keeps
 * only the complaints of the alternative the client evidently meant: the one whose fixed values ({@code type},
 * {@code message_type}) the body matches, with the fewest complaints.
 */
final class ValidationReportTranslator {

    private static final Pattern QUOTED_LIST = Pattern.compile("\\[(.*?)]\\)?$");
    private static final Pattern MISSING_LIST = Pattern.compile("\\(\\[(.*?)]\\)");
    private static final Pattern INSTANCE_VALUE = Pattern.compile("Instance value \\((.*?)\\) not found");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("Instance type \\((.*?)\\)");
    private static final Pattern PATH_PREFIX = Pattern.compile("^\\[Path '[^']*'] ");

    private ValidationReportTranslator() {
    }

    static List<IntercomError> errorsOf(ValidationReport report) {
        return report.getMessages().stream()
                .filter(ValidationReportTranslator::isError)
                .flatMap(message -> violations(message).stream())
                .map(Violation::toError)
                .distinct()
                .toList();
    }

    /** What is wrong with one field; {@code allowed} lists the permitted values when the field has a fixed set. */
    private record Violation(Kind kind, String field, String detail, List<String> allowed) {

        enum Kind {
            MISSING,
            NOT_ALLOWED,
            INVALID
        }

        IntercomError toError() {
            return switch (kind) {
                case MISSING -> new IntercomError(IntercomError.PARAMETER_NOT_FOUND, detail, field);
                case NOT_ALLOWED -> new IntercomError(IntercomError.PARAMETER_INVALID,
                        field + " must be one of " + String.join(", ", allowed) + detail, field);
                case INVALID -> new IntercomError(IntercomError.PARAMETER_INVALID, detail, field);
            };
        }
    }

    private static List<Violation> violations(Message message) {
        String key = message.getKey();
        if (key.endsWith(".oneOf") || key.endsWith(".anyOf")) {
            return violationsOfIntendedAlternative(message);
        }
        if (key.endsWith(".allOf")) {
            return message.getNestedMessages().stream().filter(ValidationReportTranslator::isError)
                    .flatMap(nested -> violations(nested).stream()).toList();
        }
        return List.of(violation(message));
    }

    private static Violation violation(Message message) {
        String key = message.getKey();
        Optional<String> parameter = message.getContext().flatMap(MessageContext::getParameter)
                .map(Parameter::getName);
        String field = parameter.orElseGet(() -> fieldAt(instancePointer(message)));
        String text = PATH_PREFIX.matcher(message.getMessage()).replaceFirst("");
        if (key.endsWith(".schema.required")) {
            List<String> names = listIn(MISSING_LIST, text);
            String missing = names.stream().map(name -> join(field, name)).collect(Collectors.joining(", "));
            return new Violation(Violation.Kind.MISSING, missing, missing + " is required", List.of());
        }
        if (key.endsWith(".missing")) {
            String what = parameter.orElse("request body");
            return new Violation(Violation.Kind.MISSING, parameter.orElse(null), what + " is required", List.of());
        }
        if (key.endsWith(".schema.enum") || key.endsWith(".enum.invalid")) {
            String actual = firstGroup(INSTANCE_VALUE, text).map(value -> " (got " + value + ")").orElse("");
            return new Violation(Violation.Kind.NOT_ALLOWED, field, actual, listIn(QUOTED_LIST, text));
        }
        if (key.endsWith(".schema.type")) {
            String actual = firstGroup(INSTANCE_TYPE, text).orElse("something else");
            return new Violation(Violation.Kind.INVALID, field, field + " must be of type "
                    + String.join(" or ", listIn(QUOTED_LIST, text)) + ", not " + actual, List.of());
        }
        if (key.endsWith(".invalidJson")) {
            return new Violation(Violation.Kind.INVALID, null, "The request body is not valid JSON", List.of());
        }
        if (key.contains(".contentType.")) {
            return new Violation(Violation.Kind.INVALID, "Content-Type", text, List.of());
        }
        return new Violation(Violation.Kind.INVALID, field, (field == null ? "" : field + ": ") + text, List.of());
    }

    private static List<Violation> violationsOfIntendedAlternative(Message combinator) {
        Map<Integer, List<Violation>> byAlternative = violationsByAlternative(combinator);
        if (byAlternative.isEmpty()) {
            return List.of(new Violation(Violation.Kind.INVALID, null, combinator.getMessage(), List.of()));
        }
        Optional<Violation> fitsNoAlternative = valueNoAlternativeAllows(byAlternative.values());
        if (fitsNoAlternative.isPresent()) {
            return List.of(fitsNoAlternative.get());
        }
        Comparator<List<Violation>> closest = Comparator
                .comparingLong((List<Violation> violations) -> count(violations, Violation.Kind.NOT_ALLOWED))
                .thenComparingInt(List::size);
        List<Violation> best = byAlternative.values().stream().min(closest).orElseThrow();
        List<List<Violation>> asClose = byAlternative.values().stream()
                .filter(violations -> closest.compare(violations, best) == 0).toList();
        return asClose.size() > 1 && asClose.stream().allMatch(ValidationReportTranslator::onlyOneFieldMissing)
                ? List.of(anyOfTheseMissing(asClose))
                : best;
    }

    private static Map<Integer, List<Violation>> violationsByAlternative(Message combinator) {
        String prefix = schemaPointer(combinator) + "/" + combinator.getKey().substring(
                combinator.getKey().lastIndexOf('.') + 1) + "/";
        Map<Integer, List<Violation>> byAlternative = new TreeMap<>();
        for (Message nested : combinator.getNestedMessages()) {
            String pointer = schemaPointer(nested);
            if (!isError(nested) || !pointer.startsWith(prefix)) {
                continue;
            }
            String rest = pointer.substring(prefix.length());
            int alternative = Integer.parseInt(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
            byAlternative.computeIfAbsent(alternative, index -> new ArrayList<>()).addAll(violations(nested));
        }
        return byAlternative;
    }

    /** A field that has a fixed value in every alternative, none of which the body's value is. */
    private static Optional<Violation> valueNoAlternativeAllows(Iterable<List<Violation>> alternatives) {
        Map<String, Set<String>> allowedByField = null;
        String actual = "";
        for (List<Violation> violations : alternatives) {
            Map<String, Set<String>> here = new TreeMap<>();
            for (Violation violation : violations) {
                if (violation.kind() == Violation.Kind.NOT_ALLOWED) {
                    here.computeIfAbsent(violation.field(), field -> new LinkedHashSet<>())
                            .addAll(violation.allowed());
                    actual = violation.detail();
                }
            }
            if (allowedByField == null) {
                allowedByField = here;
            } else {
                allowedByField.keySet().retainAll(here.keySet());
                allowedByField.forEach((field, allowed) -> allowed.addAll(here.get(field)));
            }
        }
        if (allowedByField == null || allowedByField.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, Set<String>> first = allowedByField.entrySet().iterator().next();
        return Optional.of(new Violation(Violation.Kind.NOT_ALLOWED, first.getKey(), actual,
                List.copyOf(first.getValue())));
    }

    private static boolean onlyOneFieldMissing(List<Violation> violations) {
        return violations.size() == 1 && violations.get(0).kind() == Violation.Kind.MISSING;
    }

    private static Violation anyOfTheseMissing(List<List<Violation>> alternatives) {
        List<String> fields = alternatives.stream().map(violations -> violations.get(0).field()).distinct().toList();
        String choice = fields.size() == 1 ? fields.get(0)
                : String.join(", ", fields.subList(0, fields.size() - 1)) + " or " + fields.get(fields.size() - 1);
        return new Violation(Violation.Kind.MISSING, fields.get(0), choice + " is required", List.of());
    }

    private static long count(List<Violation> violations, Violation.Kind kind) {
        return violations.stream().filter(violation -> violation.kind() == kind).count();
    }

    private static boolean isError(Message message) {
        return message.getLevel() == ValidationReport.Level.ERROR;
    }

    private static String schemaPointer(Message message) {
        return message.getContext().flatMap(MessageContext::getPointers)
                .map(MessageContext.Pointers::getSchema).orElse("");
    }

    private static String instancePointer(Message message) {
        return message.getContext().flatMap(MessageContext::getPointers)
                .map(MessageContext.Pointers::getInstance).orElse("");
    }

    /** {@code /a/b} becomes {@code a.b}; the document root has no field name. */
    private static String fieldAt(String pointer) {
        String field = pointer.replaceFirst("^/", "").replace('/', '.');
        return field.isEmpty() ? null : field;
    }

    private static String join(String parent, String name) {
        return parent == null ? name : parent + "." + name;
    }

    private static Optional<String> firstGroup(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The items of a JSON array inside the message, e.g. {@code ["comment","note"]}, without quotes. */
    private static List<String> listIn(Pattern pattern, String text) {
        return firstGroup(pattern, text).stream()
                .flatMap(items -> Arrays.stream(items.split(",")))
                .map(item -> item.trim().replaceAll("^\"|\"$", ""))
                .filter(item -> !item.isEmpty())
                .toList();
    }
}
