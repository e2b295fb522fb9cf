using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MineralRules.Compilation;
using MineralRules.RuleSets;

namespace MineralRules.Evaluation;

/// <summary>
/// Applies compiled rules to one application and decides, exactly as clauses.md says: scope, condition, missing
/// facts (review, naming them), exemptions (fail → review only where the rule is 原则上), then the decision.
/// </summary>
internal static class Evaluator
{
    public static EvaluationResult Evaluate(RuleSetInfo info, IReadOnlyList<CompiledRule> rules, FieldCatalog fields, Application application)
    {
        var verdicts = new List<Verdict>(rules.Count);
        List<Note>? notes = null;
        HashSet<string>? applied = null;
        HashSet<string>? ignored = null;
        foreach (var rule in rules)
        {
            var scope = rule.Scope(application);
            if (rule.Condition is null)
            {
                if (scope.IsTrue)
                {
                    (notes ??= []).Add(new Note(rule.Id, rule.Clause, Format(rule.Definition.Message, rule, application)));
                }

                continue;
            }

            if (scope.IsFalse)
            {
                verdicts.Add(rule.NotApplicable);
                continue;
            }

            var condition = rule.Condition.Evaluate(application);
            var definition = rule.Definition;
            Verdict verdict;
            if (scope.IsUnknown)
            {
                // Whether the rule applies hangs on an absent fact: never a pass, never a fail (clauses.md).
                var missing = condition.IsUnknown ? scope.Missing.Union(condition.Missing) : scope.Missing;
                verdict = MissingVerdict(rule, missing, fields, application);
            }
            else if (condition.IsTrue)
            {
                verdict = definition.OutcomeWhenMet == Outcome.Pass
                    ? rule.Passed
                    : rule.MetForReview ?? Build(rule, Outcome.Review, Format(definition.MessageWhenMet!, rule, application), [], null);
            }
            else if (condition.IsUnknown)
            {
                verdict = MissingVerdict(rule, condition.Missing, fields, application);
            }
            else
            {
                verdict = Violated(rule, application);
                if (verdict.Exemption is { } exemption)
                {
                    (exemption.Status == ExemptionStatus.Applied ? applied ??= [] : ignored ??= []).Add(exemption.Clause);
                }
            }

            verdicts.Add(verdict);
        }

        var decision = Decide(verdicts);
        return new EvaluationResult(
            application.Id,
            info,
            decision,
            verdicts,
            notes ?? (IReadOnlyList<Note>)[],
            application.Exemptions.Count == 0 ? [] : Summarise(application, rules, applied, ignored));
    }

    public static Decision Decide(IReadOnlyList<Verdict> verdicts)
    {
        var review = false;
        foreach (var verdict in verdicts)
        {
            if (verdict.Outcome == Outcome.Fail)
            {
                return Decision.NonCompliant; // 7.2: 经审查不符合矿产资源规划的 ... 不得颁发
            }

            review |= verdict.Outcome == Outcome.Review;
        }

        return review ? Decision.NeedsReview : Decision.Compliant;
    }

    private static Verdict Violated(CompiledRule rule, Application application)
    {
        var definition = rule.Definition;
        var claim = definition.Outcome == Outcome.Fail && application.Exemptions.Count > 0 ? FindClaim(application, definition.Clause.Ref) : null;
        if (claim is null && rule.Violated is { } prebuilt)
        {
            return prebuilt;
        }

        var message = Format(definition.Message, rule, application);
        if (claim is null)
        {
            return Build(rule, definition.Outcome, message, [], null);
        }

        if (definition.Exemptable)
        {
            var reason = new LocalizedText(
                $"条款{claim.Clause}以“原则上”表述，已依据“{claim.Basis}”申请例外：须人工确认，不视为通过。",
                $"Clause {claim.Clause} is worded 原则上 (in principle); an exemption is claimed on the basis \"{claim.Basis}\": a person must confirm it, it is not a pass.");
            var report = new ExemptionReport(claim.Clause, claim.Basis, ExemptionStatus.Applied, reason);
            return Build(rule, Outcome.Review, Append(message, reason), [], report);
        }

        var ignoredReason = new LocalizedText(
            $"所申请的条款{claim.Clause}例外不适用于本项规定：该规定未以“原则上”表述，不得例外。",
            $"The exemption claimed for clause {claim.Clause} is ignored here: this provision is not worded 原则上 (in principle) and admits no exception.");
        return Build(rule, Outcome.Fail, Append(message, ignoredReason), [], new ExemptionReport(claim.Clause, claim.Basis, ExemptionStatus.Ignored, ignoredReason));
    }

    private static ExemptionClaim? FindClaim(Application application, string clause)
    {
        foreach (var claim in application.Exemptions)
        {
            if (claim.Clause == clause && !string.IsNullOrWhiteSpace(claim.Basis))
            {
                return claim;
            }
        }

        return null;
    }

    private static List<ExemptionReport> Summarise(Application application, IReadOnlyList<CompiledRule> rules, HashSet<string>? applied, HashSet<string>? ignored)
    {
        var reports = new List<ExemptionReport>();
        foreach (var claim in application.Exemptions)
        {
            var exemptable = rules.Any(r => r.Clause.Ref == claim.Clause && r.Definition.Exemptable);
            if (applied?.Contains(claim.Clause) == true)
            {
                reports.Add(new(claim.Clause, claim.Basis, ExemptionStatus.Applied, new(
                    $"条款{claim.Clause}的例外已申请：相关不通过项改为人工复核。",
                    $"The exemption for clause {claim.Clause} turned its failing in-principle provisions into review.")));
            }
            else if (!exemptable || ignored?.Contains(claim.Clause) == true)
            {
                reports.Add(new(claim.Clause, claim.Basis, ExemptionStatus.Ignored, new(
                    $"条款{claim.Clause}{(exemptable ? "中未通过的规定" : string.Empty)}未以“原则上”表述，例外申请不予考虑。",
                    $"Clause {claim.Clause}{(exemptable ? "'s failing provision" : string.Empty)} is not worded 原则上 (in principle); the exemption is ignored.")));
            }
            else
            {
                reports.Add(new(claim.Clause, claim.Basis, ExemptionStatus.NotNeeded, new(
                    $"条款{claim.Clause}的原则性规定均已满足，无需例外。",
                    $"The in-principle provisions of clause {claim.Clause} are met; the exemption is not needed.")));
            }
        }

        return reports;
    }

    private static Verdict Build(CompiledRule rule, Outcome outcome, LocalizedText message, IReadOnlyList<string> missing, ExemptionReport? exemption) =>
        new(rule.Id, outcome, rule.Clause, message, missing, exemption);

    private static LocalizedText Append(LocalizedText message, LocalizedText more) =>
        new(message.Zh + more.Zh, message.En + " " + more.En);

    /// <summary>
    /// The review verdict for facts that could not decide the rule. Where every one of them is absent, the verdict
    /// depends on nothing but the rule and the set of fields, and is built once per set; a field that is given but
    /// still could not decide (a unit that cannot convert) is explained with the application's own value.
    /// </summary>
    private static Verdict MissingVerdict(CompiledRule rule, FieldSet missing, FieldCatalog fields, Application application)
    {
        // Cached only for sets whose fields were all absent: check this application leaves them all out too.
        if (rule.MissingVerdicts.TryGetValue(missing, out var cached) && AllAbsent(missing, fields, application))
        {
            return cached;
        }

        var verdict = Build(rule, Outcome.Review, MissingMessage(missing, fields, application), Absent(missing, fields, application), null);
        if (!missing.IsEmpty && AllAbsent(missing, fields, application))
        {
            rule.MissingVerdicts.TryAdd(missing, verdict);
        }

        return verdict;
    }

    private static bool AllAbsent(FieldSet missing, FieldCatalog fields, Application application)
    {
        for (var id = 0; id < FieldSet.Capacity; id++)
        {
            if (missing.Contains(id) && fields[id].Read(application) is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The fields the application leaves out. A field it gives that still could not decide (a capacity in
    /// a unit that cannot convert to the threshold's) is not missing: the message says why instead.</summary>
    private static string[] Absent(FieldSet missing, FieldCatalog fields, Application application) =>
        [.. missing.Ids().Select(id => fields[id]).Where(f => f.Read(application) is null).Select(f => f.Path)];

    private static LocalizedText MissingMessage(FieldSet missing, FieldCatalog fields, Application application)
    {
        if (missing.IsEmpty)
        {
            return new LocalizedText("无法自动判断本项规定，须人工复核。", "This provision could not be decided automatically; a person must review it.");
        }

        var absent = Absent(missing, fields, application);
        var given = missing.Ids().Select(id => fields[id]).Where(f => f.Read(application) is not null).ToList();
        var zh = new StringBuilder();
        var en = new StringBuilder();
        if (absent.Length > 0)
        {
            var names = string.Join(", ", absent);
            zh.Append(CultureInfo.InvariantCulture, $"缺少判断本项规定所需的事实：{names}。请补充后重新检查，或由人工复核。");
            en.Append(CultureInfo.InvariantCulture, $"Missing fact(s) needed to decide this provision: {names}. Supply them and check again, or have a person review it.");
        }

        if (given.Count > 0)
        {
            var zhValues = string.Join("，", given.Select(f => $"{f.Path}（{ValueText.Of(f.Read(application), f, zh: true)}）"));
            var enValues = string.Join(", ", given.Select(f => $"{f.Path} ({ValueText.Of(f.Read(application), f, zh: false)})"));
            zh.Append(CultureInfo.InvariantCulture, $"{zhValues}无法与本项规定的标准比较（如体积单位对质量标准），须人工复核。");
            en.Append(en.Length > 0 ? " " : string.Empty).Append(CultureInfo.InvariantCulture, $"{enValues} cannot be compared with this provision's threshold (e.g. a volume against a mass); a person must review it.");
        }

        return new LocalizedText(zh.ToString(), en.ToString());
    }

    /// <summary>Fills a message's placeholders with this application's values.</summary>
    private static LocalizedText Format(LocalizedText template, CompiledRule rule, Application application)
    {
        if (!template.Zh.Contains('{', StringComparison.Ordinal) && !template.En.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        return new LocalizedText(Fill(template.Zh, rule, application, true), Fill(template.En, rule, application, false));
    }

    /// <summary>
    /// One pass over the template: literal text is copied, each known placeholder replaced by its value, computed
    /// only when the template names it (the condition's explanation at most once); unknown braces stay as written.
    /// </summary>
    private static string Fill(string template, CompiledRule rule, Application application, bool zh)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        if (open < 0)
        {
            return template;
        }

        Explanation? explanation = null;
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        var start = 0;
        while (open >= 0)
        {
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            var name = template.AsSpan(open + 1, close - open - 1);
            string? value = name switch
            {
                "actual" => (explanation ??= Explain(rule, application, zh)).Actual ?? ValueText.Of(null, null, zh),
                "required" => (explanation ??= Explain(rule, application, zh)).Required ?? ValueText.Of(null, null, zh),
                "mineral" => ValueText.Of(application.Mineral, null, zh),
                "permit" => ValueText.Of(application.Permit, null, zh),
                "action" => ValueText.Of(application.Action, null, zh),
                "league" => ValueText.Of(application.Location?.League, FieldCatalog.Default.Find("location.league"), zh),
                _ => null,
            };
            text.AppendFormatted(template.AsSpan(start, (value is null ? close + 1 : open) - start));
            if (value is not null)
            {
                text.AppendFormatted(value);
            }

            start = close + 1;
            open = template.IndexOf('{', start);
        }

        text.AppendFormatted(template.AsSpan(start));
        return text.ToStringAndClear();
    }

    private static Explanation Explain(CompiledRule rule, Application application, bool zh) =>
        rule.Condition?.Explain(application, zh) ?? Explanation.None;
}
