using System.Globalization;
using Snapshooter.NUnit;

namespace MineralRules.Tests.Reporting;

/// <summary>
/// The JSON result is the contract with permitting systems: its shape is pinned by snapshots
/// (in CI, SNAPSHOOTER_STRICT_MODE=true makes a missing snapshot a failure).
/// </summary>
public class ResultJsonSnapshotTests
{
    private static readonly Dictionary<string, string> Applications = new()
    {
        ["coal-below-minimum-with-exemption"] = """
            id: SNAP-COAL-EXEMPT
            permit: mining
            action: new
            applicationDate: 2024-05-01
            mineral: coal
            miningMethod: underground
            capacity: { value: 240, unit: 万吨/年 }
            scale: large
            depositScale: large
            location: { league: 鄂尔多斯市, county: 伊金霍洛旗, zones: [energy-base] }
            deposit: { otherMiningRights: 0 }
            coal: { rank: thermal, toxicSubstancesExceedStandard: false }
            exemptions:
              - { clause: "5.2.1", basis: 国务院批准的重点建设项目配套 }
            """,
        ["gold-mill-several-violations"] = """
            id: SNAP-GOLD
            permit: mining
            action: new
            applicationDate: 2024-05-01
            mineral: 金
            miningMethod: underground
            includesProcessing: true
            capacity: { value: 3, unit: 万吨/年 }
            operatingDaysPerYear: 300
            scale: small
            depositScale: large
            deposit: { otherMiningRights: 1 }
            exemptions:
              - { clause: "5.2.1", basis: 地方重点项目 }
            """,
        ["copper-missing-facts"] = """
            id: SNAP-CU-MISSING
            permit: mining
            action: conversion
            applicationDate: 2025-03-01
            mineral: copper
            """,
    };

    [TestCase("coal-below-minimum-with-exemption")]
    [TestCase("gold-mill-several-violations")]
    [TestCase("copper-missing-facts")]
    public void Serialize_SampleResult_MatchesSnapshot(string name)
    {
        var result = Fixtures.Evaluate(Applications[name]);

        var json = ResultJson.Serialize(result, $"samples/{name}.yaml", CultureInfo.GetCultureInfo("en"));

        Snapshot.Match(json);
    }

    [Test]
    public void Serialize_ChineseCulture_MessageInChinese()
    {
        var result = Fixtures.Evaluate(Applications["coal-below-minimum-with-exemption"]);

        var json = ResultJson.Serialize(result, null, CultureInfo.GetCultureInfo("zh-CN"));

        Assert.That(json, Does.Contain("\"message\": \"产能240万吨/年低于新建井工煤矿最低产能300万吨/年。"));
    }
}
