using System.Globalization;
using System.Text;
using MineralRules.Compilation;

namespace MineralRules.Evaluation;

/// <summary>
/// The words of a fail or review verdict, as the evaluator leaves them to be formed when first read: a decided
/// verdict explained for its application (message and remedy filled, facts), and the message and remedy of a review
/// for facts that could not decide a rule. The evaluator decides; this only says.
/// </summary>
internal static class VerdictText
{
    /// <summary>The remedy of a review with nothing for the applicant to supply.</summary>
    public static readonly LocalizedText PersonReviews = new("由人工复核本项规定。", "Have a person review this provision.");

    /// <summary>The message of a review that names no reason.</summary>
    private static readonly LocalizedText Undecidable = new("无法自动判断本项规定，须人工复核。", "This provision could not be decided automatically; a person must review it.");

    /// <summary>
    /// An unexplained verdict explained for this application: its message and remedy filled and the facts it was
    /// decided on, all formed when first read. The rule's templates were parsed when it was compiled; the facts
    /// object is also what the message and remedy are filled for.
    /// </summary>
    public static Verdict Explain(Verdict verdict, CompiledRule rule, Application application)
    {
        var facts = new DeferredFacts(rule, application);
        return verdict with
        {
            Message = ReferenceEquals(verdict.Facts, DeferredFacts.PendingWithMessage) ? rule.TemplateOf(verdict.Message!).For(facts) : verdict.Message,
            Remedy = verdict.Remedy is { } remedy ? rule.TemplateOf(remedy).For(facts) : null,
            Facts = facts,
        };
    }

    /// <summary>The message of a review whose condition could not decide with every fact given, formatted when first read.</summary>
    public static LocalizedText Undecided(CompiledRule rule, Application application) => new(new DeferredUndecidedMessage(rule, application));

    /// <summary>The message of a review for facts that could not decide a rule, formatted when first read.</summary>
    public static LocalizedText Missing(FieldSet missing, FieldCatalog fields, Application application, bool zhNames) => new(new DeferredMissingMessage(missing, fields, application, zhNames));

    /// <summary>The remedy of a review for facts that could not decide a rule, formatted when first read.</summary>
    public static LocalizedText MissingRemedy(FieldSet missing, FieldCatalog fields, Application application) => new(new DeferredMissingRemedy(missing, fields, application));

    /// <summary>The fields of a set, in field order.</summary>
    public static List<Field> Fields(FieldSet set, FieldCatalog fields)
    {
        var list = new List<Field>();
        foreach (var id in set.Ids())
        {
            list.Add(fields[id]);
        }

        return list;
    }

    /// <summary>
    /// Names the facts the application leaves out, and those it gives that still could not be compared, with their
    /// values; the Chinese text names facts by their Chinese name when <paramref name="zhNames"/> (<see cref="RuleSetReadings.CorrectedWording"/>).
    /// </summary>
    public static LocalizedText MissingMessage(FieldSet missing, FieldCatalog fields, Application application, bool zhNames)
    {
        if (missing.IsEmpty)
        {
            return Undecidable;
        }

        var absent = Evaluator.Absent(missing, fields, application);
        var givenFields = Fields(missing, fields).Where(f => f.IsGiven(application)).ToList();

        // A date the application gives is "missing" only when the rule's shift (plusMonths, plusDays) takes it
        // past the calendar: say so, rather than blame a unit.
        var dates = givenFields.Where(f => f.Kind == FieldKind.Date).ToList();
        var given = givenFields.Where(f => f.Kind != FieldKind.Date).ToList();
        var zh = new StringBuilder();
        var en = new StringBuilder();
        if (absent.Length > 0)
        {
            var names = string.Join(", ", absent);
            var zhList = zhNames ? string.Join("、", Fields(missing, fields).Where(f => !f.IsGiven(application)).Select(f => f.ZhNamed)) : names;
            zh.Append(CultureInfo.InvariantCulture, $"缺少判断本项规定所需的事实：{zhList}。请补充后重新检查，或由人工复核。");
            en.Append(CultureInfo.InvariantCulture, $"Missing fact(s) needed to decide this provision: {names}. Supply them and check again, or have a person review it.");
        }

        if (given.Count > 0)
        {
            var zhValues = string.Join("，", given.Select(f => MissingFacts.ZhWithValue(f, application, zhNames)));
            var enValues = string.Join(", ", given.Select(f => $"{f.Path} ({ValueText.Of(f.Read(application), f, zh: false)})"));
            zh.Append(CultureInfo.InvariantCulture, $"{zhValues}无法与本项规定的标准比较（如体积单位对质量标准），须人工复核。");
            en.Append(en.Length > 0 ? " " : string.Empty).Append(CultureInfo.InvariantCulture, $"{enValues} cannot be compared with this provision's threshold (e.g. a volume against a mass); a person must review it.");
        }

        if (dates.Count > 0)
        {
            var zhValues = string.Join("，", dates.Select(f => MissingFacts.ZhWithValue(f, application, zhNames)));
            var enValues = string.Join(", ", dates.Select(f => $"{f.Path} ({ValueText.Of(f.Read(application), f, zh: false)})"));
            zh.Append(CultureInfo.InvariantCulture, $"{zhValues}按本项规定推移后超出日历范围（0001-01-01至9999-12-31），无法比较，须人工复核。");
            en.Append(en.Length > 0 ? " " : string.Empty).Append(CultureInfo.InvariantCulture, $"{enValues} shifted as this provision requires falls outside the calendar (0001-01-01 to 9999-12-31), so it cannot be compared; a person must review it.");
        }

        return new LocalizedText(zh.ToString(), en.ToString());
    }

    /// <summary>Names why a condition could not decide with every fact given (an expression that overflowed), when it can say.</summary>
    public static LocalizedText UndecidedMessage(CompiledRule rule, Application application) =>
        rule.Condition?.Undecided(application, zh: true) is { } zh && rule.Condition.Undecided(application, zh: false) is { } en
            ? new LocalizedText($"无法自动判断本项规定：{zh}。须人工复核。", $"This provision could not be decided automatically: {en}. A person must review it.")
            : Undecidable;

    private static (string Zh, string En) Both(LocalizedText text) => (text.Zh, text.En);

    /// <summary>The message of a review for facts that could not decide a rule, formatted when first read.</summary>
    private sealed class DeferredMissingMessage(FieldSet missing, FieldCatalog fields, Application application, bool zhNames) : IDeferredText
    {
        public (string Zh, string En) Format(object? context) => Both(MissingMessage(missing, fields, application, zhNames));
    }

    /// <summary>The message of a review whose condition could not decide with every fact given, naming why; formatted when first read.</summary>
    private sealed class DeferredUndecidedMessage(CompiledRule rule, Application application) : IDeferredText
    {
        public (string Zh, string En) Format(object? context) => Both(UndecidedMessage(rule, application));
    }

    /// <summary>The remedy of a review for facts that could not decide a rule, formatted when first read.</summary>
    private sealed class DeferredMissingRemedy(FieldSet missing, FieldCatalog fields, Application application) : IDeferredText
    {
        public (string Zh, string En) Format(object? context) => Both(MissingFacts.Remedy(missing, fields, application));
    }
}
