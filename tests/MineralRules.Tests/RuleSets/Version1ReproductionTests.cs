using System.Text.Json.Nodes;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.RuleSets;

/// <summary>
/// A released version keeps the meaning it was released with: rule set 1.0.0's samples, frozen with the results
/// `mineralrules check --format json` gave before 2.0.0 existed (Frozen-1.0.0/), get exactly those results again with
/// <c>--rule-set-version 1.0.0</c> — every decision, verdict, message, missing fact and exemption. Only the fields added
/// since (digest, remedy, basis, alsoCites, facts) are left out of the comparison; 1.0.0's remedies must be null.
/// </summary>
public sealed class Version1ReproductionTests
{
    private static readonly string Frozen = Path.Combine(TestPaths.Repository, "tests", "MineralRules.Tests", "RuleSets", "Frozen-1.0.0");

    /// <summary>The result fields added after 1.0.0 was released.</summary>
    private static readonly HashSet<string> AddedSince = ["digest", "alsoCites", "basis", "remedy", "remedies", "facts"];

    private static JsonArray? _reproduced;

    private static JsonArray Reproduced
    {
        get
        {
            if (_reproduced is null)
            {
                var (exitCode, output, error) = CliRunner.RunWithShippedRules("check", Path.Combine(Frozen, "samples"), "--format", "json", "--rule-set-version", "1.0.0");
                Assert.That(exitCode, Is.EqualTo(1), error);
                var results = JsonNode.Parse(output)!.AsArray();

                // The recorded sources are relative to the frozen folder, as they were when recorded.
                foreach (var result in results)
                {
                    result!["source"] = Path.GetRelativePath(Frozen, result["source"]!.GetValue<string>()).Replace('\\', '/');
                }

                _reproduced = results;
            }

            return _reproduced;
        }
    }

    private static IEnumerable<TestCaseData> Recorded()
    {
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(Frozen, "results.json")))!.AsArray();
        return recorded.Select((r, i) => new TestCaseData(i, r!.ToJsonString()).SetArgDisplayNames(r!["source"]!.GetValue<string>()));
    }

    [TestCaseSource(nameof(Recorded))]
    public void Check_Version1Sample_ReproducesRecordedResult(int index, string recordedJson)
    {
        var recorded = JsonNode.Parse(recordedJson)!;
        var reproduced = Reproduced[index]!;
        Assert.Multiple(() =>
        {
            Assert.That(reproduced["source"]!.GetValue<string>(), Is.EqualTo(recorded["source"]!.GetValue<string>()));
            Assert.That(reproduced["ruleSet"]!["version"]!.GetValue<string>(), Is.EqualTo("1.0.0"));
            Assert.That(Strip(reproduced).ToJsonString(), Is.EqualTo(Strip(recorded).ToJsonString()));
            Assert.That(reproduced["verdicts"]!.AsArray().Select(v => v!["remedy"]), Is.All.Null, "1.0.0 has no remedies");
        });
    }

    [Test]
    public void Check_Version1Samples_AsManyResultsAsRecorded()
    {
        var recorded = JsonNode.Parse(File.ReadAllText(Path.Combine(Frozen, "results.json")))!.AsArray();
        Assert.That(Reproduced, Has.Count.EqualTo(recorded.Count));
    }

    private static JsonNode Strip(JsonNode node) => node switch
    {
        JsonObject o => new JsonObject(o.Where(p => !AddedSince.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Strip(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(x => x is null ? null : Strip(x))]),
        _ => node.DeepClone(),
    };
}
