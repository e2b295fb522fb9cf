namespace MineralRules.Tests.Samples;

/// <summary>
/// Every sample application under <c>samples/applications</c> gets exactly the outcome its <c>expect</c> block states,
/// and every rule of the shipped rule set has samples: a pass and a fail sample for a check rule, a note sample
/// (<c>&lt;rule-id&gt;.note.yaml</c>) that shows it for an informational rule.
/// </summary>
public class SampleTests
{
    private static readonly StringComparer Ordinal = StringComparer.Ordinal;

    /// <summary>One case per sample file, named by its path relative to samples/applications.</summary>
    public static IEnumerable<TestCaseData> Samples() =>
        SampleFiles().Select(relative => new TestCaseData(relative).SetArgDisplayNames(relative));

    [TestCaseSource(nameof(Samples))]
    public void Evaluate_Sample_MatchesExpectBlock(string relativePath)
    {
        var application = ReadSample(relativePath);
        var expect = application.Expect;
        Assert.That(expect, Is.Not.Null, $"{relativePath}: the sample has no expect block");
        Assert.That(expect!.Decision, Is.Not.Null, $"{relativePath}: expect.decision is missing");

        var result = Fixtures.Shipped.Evaluate(application);
        var failing = result.Failures.Select(v => v.Clause.Ref).ToHashSet(Ordinal);
        var reviewing = result.Reviews.Select(v => v.Clause.Ref).ToHashSet(Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(result.Decision, Is.EqualTo(expect.Decision), $"{relativePath}: decision");
            Assert.That(failing, Is.EquivalentTo(expect.Fail.Distinct(Ordinal)), $"{relativePath}: failing clauses");
            Assert.That(reviewing, Is.EquivalentTo(expect.Review.Distinct(Ordinal)), $"{relativePath}: clauses needing review");
        });
    }

    [Test]
    public void SampleFiles_EveryCheckRule_HasSamplesGivingPassAndItsOutcome()
    {
        // Evidence, not names: some sample passes each check rule, and some sample gets its violated outcome
        // (fail, or review for a rule whose outcome is review) — the outcomes the rule exists to give.
        var seen = new Dictionary<string, HashSet<Outcome>>(Ordinal);
        foreach (var relative in SampleFiles())
        {
            var read = ApplicationReader.ReadFile(Path.Combine(TestPaths.Samples, relative));
            if (read.Application is not { } application || Fixtures.Shipped.InForceOn(application.ApplicationDate) != RuleSet)
            {
                continue;
            }

            foreach (var verdict in RuleSet.Evaluate(application).Verdicts)
            {
                (seen.TryGetValue(verdict.Rule, out var outcomes) ? outcomes : seen[verdict.Rule] = []).Add(verdict.Outcome);
            }
        }

        var missing = new List<string>();
        foreach (var rule in RuleSet.CompiledRules.Where(r => r.Condition is not null))
        {
            var outcomes = seen.GetValueOrDefault(rule.Id) ?? [];
            // A prohibition (禁止, 限制) or a rule met only for review (确需新立) never passes where it applies.
            var canPass = rule.Definition.Condition is not MineralRules.Conditions.ProhibitedCondition && rule.Definition.OutcomeWhenMet == Outcome.Pass;
            foreach (var outcome in canPass ? new[] { Outcome.Pass, rule.Definition.Outcome } : [rule.Definition.Outcome])
            {
                if (!outcomes.Contains(outcome))
                {
                    missing.Add($"{rule.Clause.Ref} {rule.Id}: no sample gives {outcome}");
                }
            }
        }

        Assert.That(missing, Is.Empty, "check rules without a passing sample or one showing their outcome");
    }

    [Test]
    public void SampleFiles_EveryNoteRule_HasSampleShowingIt()
    {
        var files = SampleFiles().ToList();
        var problems = new List<string>();
        foreach (var rule in RuleSet.CompiledRules.Where(r => r.Condition is null))
        {
            var sample = files.FirstOrDefault(f => Path.GetFileName(f) == $"{rule.Id}.note.yaml");
            if (sample is null)
            {
                problems.Add($"{rule.Id}: no {rule.Id}.note.yaml sample");
                continue;
            }

            var result = Fixtures.Shipped.Evaluate(ReadSample(sample));
            if (!result.Notes.Any(n => n.Rule == rule.Id))
            {
                problems.Add($"{sample}: does not show the note {rule.Id}");
            }
        }

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void SampleFiles_EveryRuleOfCatalog_NamedBySomeSample()
    {
        var names = SampleFiles().Select(Path.GetFileName).ToList();

        var unnamed = RuleSet.RuleIds.Where(id => !names.Any(n => n!.StartsWith(id + ".", StringComparison.Ordinal))).ToList();

        Assert.That(unnamed, Is.Empty, "rules of the embedded catalog that no sample file names");
    }

    private static CompiledRuleSet RuleSet => Fixtures.Shipped.RuleSets[^1];

    private static IEnumerable<string> SampleFiles() =>
        Directory.EnumerateFiles(TestPaths.Samples, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestPaths.Samples, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static Application ReadSample(string relativePath)
    {
        var read = ApplicationReader.ReadFile(Path.Combine(TestPaths.Samples, relativePath));
        Assert.That(read.Diagnostics, Is.Empty, $"{relativePath}: the sample must be valid input");
        return read.Application!;
    }
}
