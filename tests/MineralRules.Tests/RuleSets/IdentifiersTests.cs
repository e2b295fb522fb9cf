using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using MineralRules.RuleSets.Reading;
using FsProperty = FsCheck.NUnit.PropertyAttribute;

namespace MineralRules.Tests.RuleSets;

/// <summary>
/// The hand-written id and version checks accept exactly what the regular expressions they replaced accept (the
/// schemas still write these patterns), on texts built from the characters that matter to them.
/// </summary>
public sealed class IdentifiersTests
{
    private const string RuleSetIdPattern = @"^[a-z0-9]+(-[a-z0-9]+)*$";
    private const string RuleIdPattern = @"^[a-z0-9]+([.-][a-z0-9]+)*$";
    private const string SemVerPattern = @"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$";

    /// <summary>Short texts over digits, letters of both cases, the joiners and a few characters no id holds.</summary>
    private static readonly Arbitrary<string> Texts =
        Gen.Elements("0", "1", "9", "a", "z", "A", "Z", ".", "-", "_", " ", "\n", "é", "０")
            .ListOf()
            .Select(parts => string.Concat(parts.Take(12)))
            .ToArbitrary();

    [TestCase("nmg-mineral-plan-2021-2025", true)]
    [TestCase("a", true)]
    [TestCase("a--b", false)]
    [TestCase("-a", false)]
    [TestCase("a-", false)]
    [TestCase("a.b", false)]
    [TestCase("Abc", false)]
    [TestCase("abc\n", true)]
    [TestCase("abc\n\n", false)]
    [TestCase("", false)]
    public void IsRuleSetId_Examples_AsThePattern(string text, bool expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Identifiers.IsRuleSetId(text), Is.EqualTo(expected));
            Assert.That(Regex.IsMatch(text, RuleSetIdPattern, RegexOptions.CultureInvariant), Is.EqualTo(expected));
        });
    }

    [TestCase("coal.new-underground.min-capacity", true)]
    [TestCase("a.-b", false)]
    [TestCase("a..b", false)]
    [TestCase(".a", false)]
    [TestCase("a.", false)]
    [TestCase("a_b", false)]
    public void IsRuleId_Examples_AsThePattern(string text, bool expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Identifiers.IsRuleId(text), Is.EqualTo(expected));
            Assert.That(Regex.IsMatch(text, RuleIdPattern, RegexOptions.CultureInvariant), Is.EqualTo(expected));
        });
    }

    [TestCase("1.0.0", true)]
    [TestCase("10.20.30", true)]
    [TestCase("2.0.0-rc.1", true)]
    [TestCase("2.0.0-", false)]
    [TestCase("01.0.0", false)]
    [TestCase("1.0", false)]
    [TestCase("1.0.0.0", false)]
    [TestCase("1.0.0+build", false)]
    [TestCase("1.0.0\n", true)]
    [TestCase("１.0.0", false)]
    public void IsSemanticVersion_Examples_AsThePattern(string text, bool expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Identifiers.IsSemanticVersion(text), Is.EqualTo(expected));
            Assert.That(Regex.IsMatch(text, SemVerPattern, RegexOptions.CultureInvariant), Is.EqualTo(expected));
        });
    }

    [FsProperty(MaxTest = 2000)]
    public Property IsRuleSetId_AnyText_AsThePattern() =>
        Prop.ForAll(Texts, text => Identifiers.IsRuleSetId(text) == Regex.IsMatch(text, RuleSetIdPattern, RegexOptions.CultureInvariant));

    [FsProperty(MaxTest = 2000)]
    public Property IsRuleId_AnyText_AsThePattern() =>
        Prop.ForAll(Texts, text => Identifiers.IsRuleId(text) == Regex.IsMatch(text, RuleIdPattern, RegexOptions.CultureInvariant));

    [FsProperty(MaxTest = 2000)]
    public Property IsSemanticVersion_AnyText_AsThePattern() =>
        Prop.ForAll(Texts, text => Identifiers.IsSemanticVersion(text) == Regex.IsMatch(text, SemVerPattern, RegexOptions.CultureInvariant));

    /// <summary>Random texts rarely form a version: these do, then are changed in one place.</summary>
    [FsProperty(MaxTest = 2000)]
    public Property IsSemanticVersion_NearVersions_AsThePattern() =>
        Prop.ForAll(
            Gen.Elements("0", "1", "10", "01", "007", "").Three().Select(p => $"{p.Item1}.{p.Item2}.{p.Item3}").ToArbitrary(),
            Texts,
            (version, tail) =>
            {
                var text = version + (tail.Length > 0 && tail[0] == '-' ? tail : "-" + tail);
                return Identifiers.IsSemanticVersion(version) == Regex.IsMatch(version, SemVerPattern, RegexOptions.CultureInvariant)
                    && Identifiers.IsSemanticVersion(text) == Regex.IsMatch(text, SemVerPattern, RegexOptions.CultureInvariant);
            });
}
