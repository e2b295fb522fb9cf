using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using MineralRules.Applications;
using MineralRules.Compilation;
using MineralRules.Diagnostics;
using MineralRules.Documents;

namespace MineralRules;

/// <summary>
/// System.Text.Json for hosts that work in JSON: <see cref="Options"/> reads and writes an <see cref="Application"/> as
/// the contract's JSON (docs/application.md) and writes an <see cref="EvaluationResult"/> as the contract's result
/// (docs/results.md, exactly what <see cref="ResultJson.Serialize"/> gives).
/// </summary>
/// <remarks>
/// <para>
/// Reading an application goes through <see cref="ApplicationReader"/>: the same strict mapping and validation, so an
/// unknown key, a wrong word, a bad date or an impossible pair is a <see cref="MineralRulesJsonException"/> carrying the
/// reader's diagnostics (codes and messages), never a default. Their positions are located as <c>&lt;json&gt;</c> and
/// counted from the application object's opening brace (line 1), which is the document's own line and column when the
/// application is the whole document and starts it. The application read is validated, so evaluating it does not
/// validate it again.
/// </para>
/// <para>
/// The words of the model's enums (<see cref="Permit"/>, <see cref="Mineral"/>, <see cref="Zone"/>,
/// <see cref="CapacityUnit"/>, <see cref="Decision"/>, <see cref="Outcome"/>, ...), <see cref="Capacity"/> and
/// <see cref="DateOnly"/> (<c>yyyy-MM-dd</c>) are read and written the contract's way wherever they stand, e.g. in a
/// host's own records; a wrong one is a <see cref="MineralRulesJsonException"/> with the reader's code.
/// </para>
/// </remarks>
public static class MineralRulesJson
{
    /// <summary>
    /// Read-only options: the converters, indented output with Chinese left as is (as <see cref="ResultJson"/>
    /// writes), comments skipped on reading (as the reader does). Results are written with English messages; see
    /// <see cref="CreateOptions"/> for another language.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(CultureInfo.InvariantCulture);

    /// <summary>
    /// New read-only options as <see cref="Options"/>, writing results' <c>message</c> in <paramref name="culture"/>'s
    /// language (e.g. <see cref="MineralRulesOptions.Culture"/>). Create them once and keep them: options cache per instance.
    /// </summary>
    /// <param name="culture">The language of results' messages: a <c>zh</c> culture for Chinese, otherwise English.</param>
    /// <returns>Frozen options.</returns>
    public static JsonSerializerOptions CreateOptions(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            ReadCommentHandling = JsonCommentHandling.Skip,
        };
        options.Converters.Add(new ApplicationConverter());
        options.Converters.Add(new EvaluationResultConverter(culture));
        options.Converters.Add(new CapacityConverter());
        options.Converters.Add(new DateConverter());
        options.Converters.Add(new WordConverter<Permit>(ApplicationFields.Permit.Path));
        options.Converters.Add(new WordConverter<PermitAction>(ApplicationFields.Action.Path));
        options.Converters.Add(new WordConverter<Mineral>(ApplicationFields.Mineral.Path));
        options.Converters.Add(new WordConverter<MiningMethod>(ApplicationFields.MiningMethod.Path));
        options.Converters.Add(new WordConverter<Scale>(ApplicationFields.Scale.Path));
        options.Converters.Add(new WordConverter<ExplorationStage>(ApplicationFields.ExplorationStage.Path));
        options.Converters.Add(new WordConverter<Zone>("zone"));
        options.Converters.Add(new WordConverter<GrantMethod>(ApplicationFields.GrantMethod.Path));
        options.Converters.Add(new WordConverter<CoalRank>(ApplicationFields.CoalRank.Path));
        options.Converters.Add(new WordConverter<MassUnit>(ApplicationFields.QuotaUnit.Path));
        options.Converters.Add(new WordConverter<Decision>("decision"));
        options.Converters.Add(new WordConverter<CapacityUnit>(FieldNames.Path(nameof(Application.Capacity), nameof(Capacity.Unit))));
        options.Converters.Add(new WordConverter<Outcome>("outcome"));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Where values read on their own are located: the document name of <see cref="ApplicationFormat.Json"/>.</summary>
    private static string Source => ApplicationReader.SourceName(ApplicationFormat.Json);

    /// <summary>Maps one JSON value as the reader maps it inside an application, or throws with its diagnostics.</summary>
    private static object MapValue(ref Utf8JsonReader reader, Type type, string name)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var diagnostics = new DiagnosticBag();
        var node = JsonDocumentReader.Read(document.RootElement.GetRawText(), Source, diagnostics);
        var value = node is null ? null : new ApplicationMapper(Source, diagnostics).MapValueAt(type, node, name);
        if (diagnostics.HasErrors || value is null)
        {
            throw new MineralRulesJsonException(diagnostics.ToSortedList());
        }

        return value;
    }

    private static MineralRulesJsonException UnknownWord(string word, string name, string code, IEnumerable<string> words) =>
        new([new Diagnostic(SourceLocation.File(Source), code, $"Unknown value '{word}' for '{name}'.{Suggestions.DidYouMean(word, words)} Allowed: {string.Join(", ", words)}.")
        {
            MessageZh = $"'{name}' 的值 '{word}' 无法识别。{Suggestions.DidYouMeanZh(word, words)}可用的值：{string.Join(", ", words)}。",
        }]);

    private sealed class ApplicationConverter : JsonConverter<Application>
    {
        public override Application Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var read = ApplicationReader.Read(document.RootElement.GetRawText(), ApplicationFormat.Json);
            return read.Application ?? throw new MineralRulesJsonException(read.Diagnostics);
        }

        public override void Write(Utf8JsonWriter writer, Application value, JsonSerializerOptions options) =>
            ApplicationJsonWriter.Write(writer, value);
    }

    private sealed class EvaluationResultConverter(CultureInfo culture) : JsonConverter<EvaluationResult>
    {
        public override EvaluationResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A result is written for archiving, not read back: evaluate the application again to get one.");

        public override void Write(Utf8JsonWriter writer, EvaluationResult value, JsonSerializerOptions options) =>
            ResultJson.Write(writer, value, source: null, culture);
    }

    private sealed class CapacityConverter : JsonConverter<Capacity>
    {
        public override Capacity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (Capacity)MapValue(ref reader, typeof(Capacity), ApplicationFields.Capacity.Path);

        public override void Write(Utf8JsonWriter writer, Capacity value, JsonSerializerOptions options) =>
            ApplicationJsonWriter.WriteCapacity(writer, value);
    }

    private sealed class DateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            (DateOnly)MapValue(ref reader, typeof(DateOnly), "date");

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ContractWords.Date(value));
    }

    /// <summary>An enum as its contract word; a wrong word is the reader's MR1008 (MR1010 for a unit).</summary>
    private sealed class WordConverter<T>(string name) : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (typeof(T) == typeof(CapacityUnit) || typeof(T) == typeof(Outcome))
            {
                // Not application keys of their own (a capacity's unit, a verdict's outcome): parsed here, same messages.
                var word = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new MineralRulesJsonException(
                    [new Diagnostic(SourceLocation.File(Source), DiagnosticCodes.WrongType, $"Expected '{name}' as text, found {reader.TokenType}.") { MessageZh = $"'{name}' 应为文本，实际为 {reader.TokenType}。" }]);
                return Parse(word);
            }

            return (T)MapValue(ref reader, typeof(T), name);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ContractWords.Code(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(ContractWords.Code(value));

        private T Parse(string word)
        {
            var vocabulary = Vocabularies.Of(typeof(T));
            var code = typeof(T) == typeof(CapacityUnit) || typeof(T) == typeof(MassUnit) ? DiagnosticCodes.UnknownUnit : DiagnosticCodes.UnknownValue;
            return vocabulary.TryParse(word, out var value) && value is T typed ? typed : throw UnknownWord(word, name, code, [.. vocabulary.Codes]);
        }
    }
}

/// <summary>
/// JSON that is not valid contract input, read through <see cref="MineralRulesJson.Options"/>: carries every
/// diagnostic the reader gives (code, message, and line and column counted from the application's opening brace).
/// </summary>
public sealed class MineralRulesJsonException : JsonException
{
    /// <summary>Creates the exception from every problem found.</summary>
    /// <param name="diagnostics">The problems.</param>
    public MineralRulesJsonException(IReadOnlyList<Diagnostic> diagnostics)
        : base($"Not valid contract JSON:{System.Environment.NewLine}{string.Join(System.Environment.NewLine, diagnostics ?? [])}") =>
        Diagnostics = diagnostics ?? throw new ArgumentNullException(nameof(diagnostics));

    /// <summary>Every problem found, as <see cref="ApplicationReader"/> reports it.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
