using System.Collections;
using System.Globalization;
using MineralRules.Compilation;

namespace MineralRules.Evaluation;

/// <summary>
/// The facts of a fail or review verdict, formed when first read (as its message is): most hosts read the decision
/// and few read every fact, so evaluation only records the rule and the application. Thread-safe: two readers may
/// both form the list; either is kept, and they are equal.
/// </summary>
internal sealed class DeferredFacts(CompiledRule rule, Application application, FieldSet? missing = null) : IReadOnlyList<Fact>
{
    /// <summary>Where a fact the application gives came from.</summary>
    public const string FromApplication = "application";

    /// <summary>
    /// The facts of a verdict not yet explained for its application (<see cref="Evaluator.Unexplained"/>): never
    /// seen outside the library, as a result's verdict list explains such a verdict before handing it out.
    /// </summary>
    public static readonly IReadOnlyList<Fact> Pending = new Fact[0];

    /// <summary>As <see cref="Pending"/>, for a verdict whose message is the rule's template, still to fill.</summary>
    public static readonly IReadOnlyList<Fact> PendingWithMessage = new Fact[0];

    private Fact[]? _facts;

    /// <summary>The rule the verdict is of.</summary>
    public CompiledRule Rule => rule;

    /// <summary>The application it was decided for.</summary>
    public Application Application => application;

    public int Count => Facts.Length;

    public Fact this[int index] => Facts[index];

    private Fact[] Facts => Volatile.Read(ref _facts) ?? (_facts = missing is { } set ? MissingFacts.Of(set, FieldCatalog.Default, application) : Form(rule, application));

    public IEnumerator<Fact> GetEnumerator() => ((IEnumerable<Fact>)Facts).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override bool Equals(object? obj) => obj is IReadOnlyList<Fact> other && Facts.SequenceEqual(other);

    public override int GetHashCode() => Facts.Length;

    private static Fact[] Form(CompiledRule rule, Application application)
    {
        var specs = rule.FactSpecs;
        if (specs.Length == 0)
        {
            // A rule that compares nothing and has no scope beyond permit and mineral: the mineral is what it is about.
            var mineral = ApplicationFields.Mineral;
            return [new Fact(mineral.Path, FactText.Value(mineral, application), "—", FromApplication)];
        }

        var facts = new Fact[specs.Length];
        for (var i = 0; i < specs.Length; i++)
        {
            var spec = specs[i];
            facts[i] = new Fact(spec.Field.Path, FactText.Value(spec.Field, application), spec.Required(application), FromApplication);
        }

        return facts;
    }
}

/// <summary>The facts and remedy of a review for facts that could not decide a rule.</summary>
internal static class MissingFacts
{
    /// <summary>Each fact named: absent ones with a null value (required: present), given ones that could not be compared with their value.</summary>
    public static Fact[] Of(FieldSet missing, FieldCatalog fields, Application application) =>
    [
        .. VerdictText.Fields(missing, fields).Select(f => f.IsGiven(application) && FactText.Value(f, application) is { } value
            ? new Fact(f.Path, value, f.Kind == FieldKind.Date ? "a date that stays within 0001-01-01 to 9999-12-31 when the rule shifts it" : "comparable with the rule's threshold (a unit that converts)", DeferredFacts.FromApplication)
            : new Fact(f.Path, null, FactText.Present, DeferredFacts.FromApplication)),
    ];

    /// <summary>A given fact with its value in a Chinese message: <c>设计生产能力（capacity：3m³/d）</c>, or by key alone (<see cref="RuleSetReadings.CorrectedWording"/>).</summary>
    public static string ZhWithValue(Field field, Application application, bool zhNames)
    {
        var value = ValueText.Of(field.Read(application), field, zh: true);
        return zhNames ? $"{field.Zh}（{field.Path}：{value}）" : $"{field.Path}（{value}）";
    }

    /// <summary>The standard remedy of a missing fact: supply it, or have a person review.</summary>
    public static LocalizedText Remedy(FieldSet missing, FieldCatalog fields, Application application)
    {
        var named = VerdictText.Fields(missing, fields);
        var absent = named.Where(f => !f.IsGiven(application)).ToList();
        var incomparable = named.Where(f => f.IsGiven(application) && f.Kind != FieldKind.Date).ToList();
        var dates = named.Where(f => f.IsGiven(application) && f.Kind == FieldKind.Date).ToList();
        if (absent.Count == 0 && incomparable.Count == 0 && dates.Count == 0)
        {
            return VerdictText.PersonReviews;
        }

        var zh = new List<string>();
        var en = new List<string>();
        if (absent.Count > 0)
        {
            var names = Paths(absent);
            zh.Add(string.Create(CultureInfo.InvariantCulture, $"补充提交{ZhNames(absent)}后重新检查，或由人工复核。"));
            en.Add(string.Create(CultureInfo.InvariantCulture, $"Supply {names} and check again, or have a person review it."));
        }

        if (incomparable.Count > 0)
        {
            var names = Paths(incomparable);
            zh.Add(string.Create(CultureInfo.InvariantCulture, $"以可换算的单位重新填写{ZhNames(incomparable)}，或由人工复核。"));
            en.Add(string.Create(CultureInfo.InvariantCulture, $"Give {names} in a unit that converts to the rule's, or have a person review it."));
        }

        if (dates.Count > 0)
        {
            var names = Paths(dates);
            zh.Add(string.Create(CultureInfo.InvariantCulture, $"核对{ZhNames(dates)}，或由人工复核。"));
            en.Add(string.Create(CultureInfo.InvariantCulture, $"Check {names}, or have a person review it."));
        }

        return new LocalizedText(string.Concat(zh), string.Join(" ", en));
    }

    private static string Paths(List<Field> fields) => string.Join(", ", fields.Select(f => f.Path));

    /// <summary>Facts as a Chinese message names them: name, then key in brackets, joined by 、.</summary>
    private static string ZhNames(List<Field> fields) => string.Join("、", fields.Select(f => f.ZhNamed));
}
