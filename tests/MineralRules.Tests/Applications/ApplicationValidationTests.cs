namespace MineralRules.Tests.Applications;

/// <summary>
/// Each validation rule of an application (ApplicationValidator, and the place checks the reader shares with
/// ApplicationIntegrity), read from a document derived from <see cref="Fixtures.CompliantCoalMine"/> by replacing or
/// appending lines: an impossible value is one diagnostic with its code at the line of the value, and the value just
/// inside each bound reads clean.
/// </summary>
[Parallelizable(ParallelScope.All)]
public class ApplicationValidationTests
{
    /// <summary>The first line appended after <see cref="Fixtures.CompliantCoalMine"/> (it has 17 lines).</summary>
    private const int Appended = 18;

    private const string Invalid = "MR2001";
    private const string UnknownValue = "MR1008";

    [TestCase("actual", "-0.01", "write 86% as 0.86")]
    [TestCase("actual", "1.01", "write 86% as 0.86")]
    [TestCase("approved", "-0.01", "write 85% as 0.85")]
    [TestCase("approved", "1.01", "write 85% as 0.85")]
    public void Read_MiningRecoveryOutsideZeroToOne_InvalidAtItsLine(string part, string value, string hint)
    {
        var diagnostic = SingleDiagnostic(Append(Rate("mining", part, value)));

        AssertDiagnostic(diagnostic, Invalid, part == "actual" ? Appended + 2 : Appended + 3, $"'recovery.mining.{part}' is a fraction from 0 to 1", hint);
    }

    [TestCase("actual", "0")]
    [TestCase("actual", "1")]
    [TestCase("approved", "0")]
    [TestCase("approved", "1")]
    public void Read_MiningRecoveryAtZeroOrOne_Valid(string part, string value)
    {
        AssertValid(Append(Rate("mining", part, value)));
    }

    [TestCase("processing", "actual", "1.01")]
    [TestCase("processing", "approved", "-0.01")]
    [TestCase("dilution", "actual", "-0.01")]
    [TestCase("dilution", "approved", "1.01")]
    public void Read_ProcessingOrDilutionOutsideZeroToOne_InvalidAtItsLine(string rate, string part, string value)
    {
        var diagnostic = SingleDiagnostic(Append(Rate(rate, part, value)));

        AssertDiagnostic(diagnostic, Invalid, part == "actual" ? Appended + 2 : Appended + 3, $"'recovery.{rate}.{part}' is a fraction from 0 to 1");
    }

    [Test]
    public void Read_RecoveryWrittenAsPercent_InvalidSayingWriteAsFraction()
    {
        var diagnostic = SingleDiagnostic(Append(Rate("mining", "actual", "86")));

        AssertDiagnostic(diagnostic, Invalid, Appended + 2, "(it is 86)", "write 86% as 0.86");
    }

    [Test]
    public void Read_QuotaFiguresWithoutUnit_InvalidAtQuotaContents()
    {
        // 'quota.unit' is absent, so the diagnostic points at the quota mapping: in block style, its first key's line.
        var diagnostic = SingleDiagnostic(Append("quota:\n  requested: 10\n  allocated: 12"));

        AssertDiagnostic(diagnostic, Invalid, Appended + 1, "'quota.unit' is required with quota figures");
    }

    [TestCase("requested: 10")]
    [TestCase("allocated: 12")]
    public void Read_OneQuotaFigureWithoutUnit_Invalid(string figure)
    {
        var diagnostic = SingleDiagnostic(Append("quota:\n  " + figure));

        AssertDiagnostic(diagnostic, Invalid, Appended + 1, "'quota.unit' is required");
    }

    [Test]
    public void Read_QuotaUnitWithoutFigures_Valid()
    {
        AssertValid(Append("quota:\n  unit: 万吨"));
    }

    [TestCase("requested", "-1")]
    [TestCase("requested", "-0.01")]
    [TestCase("allocated", "-1")]
    [TestCase("allocated", "-0.01")]
    public void Read_NegativeQuotaFigure_InvalidAtItsLine(string figure, string value)
    {
        var diagnostic = SingleDiagnostic(Append($"quota:\n  unit: 万吨\n  {figure}: {value}"));

        AssertDiagnostic(diagnostic, Invalid, Appended + 2, $"'quota.{figure}' must not be negative");
    }

    [TestCase("requested")]
    [TestCase("allocated")]
    public void Read_QuotaFigureZero_Valid(string figure)
    {
        AssertValid(Append($"quota:\n  unit: 万吨\n  {figure}: 0"));
    }

    [TestCase("\"\"")]
    [TestCase("\"   \"")]
    public void Read_ExemptionWithEmptyBasis_InvalidAtBasis(string basis)
    {
        var diagnostic = SingleDiagnostic(Append("exemptions:\n  - clause: \"5.2.1\"\n    basis: " + basis));

        AssertDiagnostic(diagnostic, Invalid, Appended + 2, "needs a non-empty 'basis'");
    }

    [TestCase("abc")]
    [TestCase("\"5\"")]
    [TestCase("\"5.2.1.1\"")]
    [TestCase("\"0.2.1\"")]
    public void Read_ExemptionClauseNotAReference_InvalidAtClause(string clause)
    {
        var diagnostic = SingleDiagnostic(Append("exemptions:\n  - clause: " + clause + "\n    basis: 国家重点项目"));

        AssertDiagnostic(diagnostic, Invalid, Appended + 1, "'clause' must be a clause reference");
    }

    [Test]
    public void Read_ExemptionWithReferenceAndBasis_Valid()
    {
        AssertValid(Append("exemptions:\n  - clause: \"5.2.1\"\n    basis: 国家重点项目"));
    }

    [TestCase("0")]
    [TestCase("-1")]
    public void Read_CapacityNotAboveZero_InvalidAtCapacity(string value)
    {
        var diagnostic = SingleDiagnostic(Replace("value: 400,", $"value: {value},"));

        AssertDiagnostic(diagnostic, Invalid, 7, "'capacity.value' must be greater than 0");
    }

    [TestCase("0.01")]
    [TestCase("1")]
    public void Read_CapacityJustAboveZero_Valid(string value)
    {
        AssertValid(Replace("value: 400,", $"value: {value},"));
    }

    [TestCase("0")]
    [TestCase("-1")]
    public void Read_CapacityBeforeNotAboveZero_InvalidAtItsLine(string value)
    {
        var diagnostic = SingleDiagnostic(Append($"capacityBefore: {{ value: {value}, unit: 万吨/年 }}"));

        AssertDiagnostic(diagnostic, Invalid, Appended, "'capacityBefore.value' must be greater than 0");
    }

    [Test]
    public void Read_CapacityBeforeJustAboveZero_Valid()
    {
        AssertValid(Append("capacityBefore: { value: 0.01, unit: 万吨/年 }"));
    }

    [TestCase("0")]
    [TestCase("367")]
    [TestCase("-1")]
    public void Read_OperatingDaysOutsideOneTo366_InvalidAtItsLine(string days)
    {
        var diagnostic = SingleDiagnostic(Append("operatingDaysPerYear: " + days));

        AssertDiagnostic(diagnostic, Invalid, Appended, "'operatingDaysPerYear' must be between 1 and 366", $"(it is {days})");
    }

    [TestCase("1")]
    [TestCase("366")]
    public void Read_OperatingDaysAtOneOr366_Valid(string days)
    {
        AssertValid(Append("operatingDaysPerYear: " + days));
    }

    [TestCase("0")]
    [TestCase("-1")]
    public void Read_BasicUnitsNotAboveZero_InvalidAtBlock(string units)
    {
        var diagnostic = SingleDiagnostic(Replace("block: { otherHolders: 0 }", $"block: {{ otherHolders: 0, basicUnits: {units} }}"));

        AssertDiagnostic(diagnostic, Invalid, 11, "'block.basicUnits' must be greater than 0");
    }

    [TestCase("0.01")]
    [TestCase("1")]
    public void Read_BasicUnitsAboveZero_Valid(string units)
    {
        AssertValid(Replace("block: { otherHolders: 0 }", $"block: {{ otherHolders: 0, basicUnits: {units} }}"));
    }

    [TestCase("block: { otherHolders: 0 }", "block: { otherHolders: -1 }", 11, "'block.otherHolders' must not be negative")]
    [TestCase("deposit: { otherMiningRights: 0 }", "deposit: { otherMiningRights: -1 }", 12, "'deposit.otherMiningRights' must not be negative")]
    public void Read_NegativeCount_InvalidAtItsLine(string find, string replace, int line, string message)
    {
        var diagnostic = SingleDiagnostic(Replace(find, replace));

        AssertDiagnostic(diagnostic, Invalid, line, message);
    }

    [TestCase("countyRights")]
    [TestCase("countyControlNumber")]
    public void Read_NegativeSandGravelCount_InvalidAtItsLine(string count)
    {
        var diagnostic = SingleDiagnostic(Append($"sandGravel:\n  countyRights: 0\n  countyControlNumber: 0\n  {count}: -1").Replace($"  {count}: 0\n", string.Empty, StringComparison.Ordinal));

        AssertDiagnostic(diagnostic, Invalid, Appended + 2, $"'sandGravel.{count}' must not be negative");
    }

    [Test]
    public void Read_CountsZero_Valid()
    {
        // The fixture's block.otherHolders and deposit.otherMiningRights are 0 already.
        AssertValid(Append("sandGravel: { countyRights: 0, countyControlNumber: 0 }"));
    }

    [TestCase("expansion")]
    [TestCase("conversion")]
    public void Read_ExplorationPermitForExpansionOrConversion_InvalidAtAction(string action)
    {
        var yaml = Replace("permit: mining", "permit: exploration").Replace("action: new", "action: " + action, StringComparison.Ordinal);

        var diagnostic = SingleDiagnostic(yaml);

        AssertDiagnostic(diagnostic, Invalid, 3, $"not '{action}'");
    }

    [TestCase("new")]
    [TestCase("extension")]
    [TestCase("transfer")]
    public void Read_ExplorationPermitForNewExtensionOrTransfer_Valid(string action)
    {
        AssertValid(Replace("permit: mining", "permit: exploration").Replace("action: new", "action: " + action, StringComparison.Ordinal));
    }

    [TestCase("expansion")]
    [TestCase("conversion")]
    public void Read_MiningPermitForExpansionOrConversion_Valid(string action)
    {
        AssertValid(Replace("action: new", "action: " + action));
    }

    [Test]
    public void Read_NoProcessingButProcessingRecovery_InvalidAtRecoveryProcessing()
    {
        var diagnostic = SingleDiagnostic(Append("includesProcessing: false\nrecovery:\n  processing: { actual: 0.9, approved: 0.85 }"));

        AssertDiagnostic(diagnostic, Invalid, Appended + 2, "'includesProcessing' is false", "Contradictory facts");
    }

    [TestCase("includesProcessing: true\nrecovery:\n  processing: { actual: 0.9, approved: 0.85 }")]
    [TestCase("includesProcessing: false\nrecovery:\n  mining: { actual: 0.9, approved: 0.85 }")]
    [TestCase("recovery:\n  processing: { actual: 0.9, approved: 0.85 }")]
    public void Read_ProcessingRecoveryConsistentWithIncludesProcessing_Valid(string lines)
    {
        AssertValid(Append(lines));
    }

    [TestCase("150102")]
    [TestCase("新城区")]
    public void Read_CountyOfAnotherLeague_UnknownValueAtLocation(string county)
    {
        var diagnostic = SingleDiagnostic(Replace("league: 鄂尔多斯市,", $"league: 鄂尔多斯市, county: {county},"));

        AssertDiagnostic(diagnostic, UnknownValue, 16, "'新城区' (150102) is not in 鄂尔多斯市 (150600)", "呼和浩特市");
    }

    [TestCase("150627")]
    [TestCase("伊金霍洛旗")]
    public void Read_CountyOfItsLeague_Valid(string county)
    {
        AssertValid(Replace("league: 鄂尔多斯市,", $"league: 鄂尔多斯市, county: {county},"));
    }

    [TestCase("亚特兰蒂斯")]
    [TestCase("159900")]
    [TestCase("150627")]
    public void Read_UnknownLeague_UnknownValueAtLocation(string league)
    {
        var diagnostic = SingleDiagnostic(Replace("league: 鄂尔多斯市,", $"league: {league},"));

        AssertDiagnostic(diagnostic, UnknownValue, 16, $"Unknown league or city '{league}'");
    }

    [Test]
    public void Read_LeagueByCode_Valid()
    {
        AssertValid(Replace("league: 鄂尔多斯市,", "league: 150600,"));
    }

    [TestCase("fail")]
    [TestCase("review")]
    public void Read_ExpectHoldingNonReference_InvalidAtItsLine(string list)
    {
        var diagnostic = SingleDiagnostic(Append($"expect:\n  decision: compliant\n  {list}:\n    - \"5.2.1\"\n    - not-a-clause"));

        AssertDiagnostic(diagnostic, Invalid, Appended + 4, $"'expect.{list}' holds clause references", "(found 'not-a-clause')");
    }

    [Test]
    public void Read_ExpectHoldingReferences_Valid()
    {
        AssertValid(Append("expect:\n  decision: compliant\n  fail: [\"5.2.1\"]\n  review: [\"4.3.1\", \"5.3.4\"]"));
    }

    [Test]
    public void CompliantCoalMine_AsGiven_Valid()
    {
        AssertValid(Fixtures.CompliantCoalMine);
    }

    private static string Rate(string rate, string part, string value) =>
        part == "actual"
            ? $"recovery:\n  {rate}:\n    actual: {value}\n    approved: 0.85"
            : $"recovery:\n  {rate}:\n    actual: 0.85\n    approved: {value}";

    private static string Append(string lines) => Fixtures.CompliantCoalMine + "\n" + lines + "\n";

    private static string Replace(string find, string replace)
    {
        var yaml = Fixtures.CompliantCoalMine.Replace(find, replace, StringComparison.Ordinal);
        Assert.That(yaml, Is.Not.EqualTo(Fixtures.CompliantCoalMine), $"the fixture has '{find}'");
        return yaml;
    }

    private static Diagnostic SingleDiagnostic(string yaml)
    {
        var result = ApplicationReader.Read(yaml, "app.yaml");
        Assert.That(result.Diagnostics, Has.Count.EqualTo(1), string.Join(Environment.NewLine, result.Diagnostics));
        Assert.That(result.Application, Is.Null, "an invalid application is not returned");
        return result.Diagnostics[0];
    }

    private static void AssertValid(string yaml)
    {
        var result = ApplicationReader.Read(yaml, "app.yaml");
        Assert.That(result.Diagnostics, Is.Empty, string.Join(Environment.NewLine, result.Diagnostics));
    }

    private static void AssertDiagnostic(Diagnostic diagnostic, string code, int line, params string[] inMessage)
    {
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Code, Is.EqualTo(code), diagnostic.ToString());
            Assert.That(diagnostic.Location.Path, Is.EqualTo("app.yaml"));
            Assert.That(diagnostic.Location.Line, Is.EqualTo(line), diagnostic.ToString());
            foreach (var text in inMessage)
            {
                Assert.That(diagnostic.Message, Does.Contain(text));
            }
        });
    }
}
