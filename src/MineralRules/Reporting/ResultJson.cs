using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MineralRules.Applications;

namespace MineralRules;

/// <summary>
/// Writes results in the JSON shape of <c>docs/results.md</c>, for archiving and for machines.
/// Additive fields beyond the contract: <c>messages</c> (zh and en), <c>counts</c>, <c>notes</c>, <c>exemptions</c>.
/// </summary>
public static class ResultJson
{
    /// <summary>Options for readable output: indented, Chinese left as is.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The contract's word for a decision, as in <c>decision</c> (e.g. <c>non-compliant</c>): the one vocabulary of results.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>Its word.</returns>
    public static string DecisionCode(Decision decision) => ResultVocabularies.Decisions.Code(decision);

    /// <summary>Writes one result object.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="result">The result.</param>
    /// <param name="source">The file the application came from, or null.</param>
    /// <param name="culture">Picks the language of <c>message</c> (zh or en); both are always in <c>messages</c>.</param>
    /// <param name="includeNotApplicable">Whether to list not-applicable verdicts too.</param>
    /// <param name="read">The read application, when the result's facts should carry the line each value stands on.</param>
    public static void Write(Utf8JsonWriter writer, EvaluationResult result, string? source, CultureInfo culture, bool includeNotApplicable = false, ApplicationReadResult? read = null) =>
        Write(writer, result, source, culture, includeNotApplicable, read, onlyFailures: false);

    /// <summary>Writes one result object; with <paramref name="onlyFailures"/> only its fail and review verdicts are listed (counts stay whole).</summary>
    internal static void Write(Utf8JsonWriter writer, EvaluationResult result, string? source, CultureInfo culture, bool includeNotApplicable, ApplicationReadResult? read, bool onlyFailures)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(culture);
        writer.WriteStartObject();
        writer.WriteString("application", result.Application);
        if (source is not null)
        {
            writer.WriteString("source", source);
        }

        writer.WriteStartObject("ruleSet");
        writer.WriteString("id", result.RuleSet.Id);
        writer.WriteString("version", result.RuleSet.Version);
        writer.WriteString("effectiveFrom", Date(result.RuleSet.EffectiveFrom));
        if (result.RuleSet.EffectiveTo is { } to)
        {
            writer.WriteString("effectiveTo", Date(to));
        }

        if (result.RuleSet.Source is { PlanningPeriodFrom: { } from, PlanningPeriodTo: { } until })
        {
            writer.WriteStartObject("planningPeriod");
            writer.WriteNumber("from", from);
            writer.WriteNumber("to", until);
            writer.WriteEndObject();
        }

        writer.WriteString("digest", result.RuleSet.Digest);

        writer.WriteEndObject();
        writer.WriteString("decision", ResultVocabularies.Decisions.Code(result.Decision));

        writer.WriteStartObject("counts");
        foreach (var outcome in Enum.GetValues<Outcome>())
        {
            writer.WriteNumber(ResultVocabularies.Outcomes.Code(outcome), result.Verdicts.Count(v => v.Outcome == outcome));
        }

        writer.WriteEndObject();

        writer.WriteStartArray("verdicts");
        foreach (var verdict in result.Verdicts)
        {
            if ((verdict.Outcome == Outcome.NotApplicable && !includeNotApplicable) || (onlyFailures && verdict.Outcome is not (Outcome.Fail or Outcome.Review)))
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("rule", verdict.Rule);
            writer.WriteString("outcome", ResultVocabularies.Outcomes.Code(verdict.Outcome));
            WriteClause(writer, verdict.Clause);
            WriteAlsoCites(writer, verdict.AlsoCites);
            WriteBasis(writer, verdict.Basis);
            WriteMessage(writer, verdict.Message, culture);
            WriteText(writer, "remedy", "remedies", verdict.Remedy, culture);
            WriteFacts(writer, verdict.Facts, read);
            writer.WriteStartArray("missing");
            foreach (var field in verdict.Missing)
            {
                writer.WriteStringValue(field);
            }

            writer.WriteEndArray();
            if (verdict.Exemption is { } exemption)
            {
                writer.WritePropertyName("exemption");
                WriteExemption(writer, exemption, culture);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("notes");
        foreach (var note in result.Notes)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", note.Rule);
            WriteClause(writer, note.Clause);
            WriteMessage(writer, note.Message, culture);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("exemptions");
        foreach (var exemption in result.Exemptions)
        {
            WriteExemption(writer, exemption, culture);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Serialises one result as an indented JSON object.</summary>
    /// <param name="result">The result.</param>
    /// <param name="source">The file the application came from, or null.</param>
    /// <param name="culture">Picks the language of <c>message</c>; null for English.</param>
    /// <returns>The JSON text.</returns>
    /// <param name="read">The read application, so each fact carries the line its value stands on; null for none.</param>
    public static string Serialize(EvaluationResult result, string? source = null, CultureInfo? culture = null, ApplicationReadResult? read = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(writer, result, source, culture ?? CultureInfo.InvariantCulture, read: read);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteClause(Utf8JsonWriter writer, ClauseReference clause)
    {
        writer.WriteStartObject("clause");
        writer.WriteString("ref", clause.Ref);
        writer.WriteString("text", clause.Text);
        writer.WriteString("en", clause.En);
        writer.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter writer, LocalizedText? message, CultureInfo culture) =>
        WriteText(writer, "message", "messages", message, culture);

    /// <summary>A text in the reader's language under <paramref name="name"/>, and both languages under <paramref name="both"/>.</summary>
    private static void WriteText(Utf8JsonWriter writer, string name, string both, LocalizedText? text, CultureInfo culture)
    {
        if (text is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteString(name, text.In(culture));
        writer.WriteStartObject(both);
        writer.WriteString("zh", text.Zh);
        writer.WriteString("en", text.En);
        writer.WriteEndObject();
    }

    private static void WriteAlsoCites(Utf8JsonWriter writer, IReadOnlyList<ClauseReference> clauses)
    {
        writer.WriteStartArray("alsoCites");
        foreach (var clause in clauses)
        {
            writer.WriteStartObject();
            writer.WriteString("ref", clause.Ref);
            writer.WriteString("text", clause.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteBasis(Utf8JsonWriter writer, IReadOnlyList<LegalBasis> bases)
    {
        writer.WriteStartArray("basis");
        foreach (var basis in bases)
        {
            writer.WriteStartObject();
            writer.WriteString("title", basis.Title);
            writer.WriteString("number", basis.Number);
            writer.WriteString("article", basis.Article);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteFacts(Utf8JsonWriter writer, IReadOnlyList<Fact> facts, ApplicationReadResult? read)
    {
        writer.WriteStartArray("facts");
        foreach (var fact in facts)
        {
            writer.WriteStartObject();
            writer.WriteString("field", fact.Field);
            writer.WriteString("value", fact.Value);
            writer.WriteString("required", fact.Required);
            writer.WriteString("source", fact.Source);
            if (fact.Value is not null && fact.Source == "application" && read?.LineOf(fact.Field) is { } line)
            {
                writer.WriteNumber("line", line);
            }

            if (fact.Detail is { } detail)
            {
                writer.WriteString("detail", detail);
            }

            if (fact.OverlapHectares is { } hectares)
            {
                writer.WriteNumber("overlapHectares", hectares);
            }

            if (fact.ShareOfSite is { } share)
            {
                writer.WriteNumber("shareOfSite", share);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// Writes the result object of a file that could not be read or validated: its source, <c>decision: "invalid"</c>
    /// and its diagnostics (line, column, code, message), no verdicts — so a machine reader never loses a file.
    /// </summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="source">The file.</param>
    /// <param name="diagnostics">Why it is invalid.</param>
    /// <param name="culture">The language of the messages (<see cref="Diagnostic.MessageIn"/>); English when null.</param>
    public static void WriteInvalid(Utf8JsonWriter writer, string source, IReadOnlyList<Diagnostic> diagnostics, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        writer.WriteStartObject();
        writer.WriteString("source", source);
        writer.WriteString("decision", InvalidDecision);
        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteStartObject();
            if (diagnostic.Location.Line > 0)
            {
                writer.WriteNumber("line", diagnostic.Location.Line);
                writer.WriteNumber("column", diagnostic.Location.Column);
            }

            writer.WriteString("code", diagnostic.Code);
            writer.WriteString("message", diagnostic.MessageIn(culture));
            if (diagnostic.Location.Path != source)
            {
                writer.WriteString("path", diagnostic.Location.Path);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The decision written for a file that could not be read or validated.</summary>
    public const string InvalidDecision = "invalid";

    private static void WriteExemption(Utf8JsonWriter writer, ExemptionReport exemption, CultureInfo culture)
    {
        writer.WriteStartObject();
        writer.WriteString("clause", exemption.Clause);
        writer.WriteString("basis", exemption.Basis);
        writer.WriteString("status", ResultVocabularies.ExemptionStatuses.Code(exemption.Status));
        writer.WriteString("reason", exemption.Reason.In(culture));
        writer.WriteEndObject();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
