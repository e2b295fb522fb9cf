using PublicApiGenerator;

namespace MineralRules.Tests.PublicApi;

/// <summary>
/// The library's public surface is recorded in MineralRules.approved.txt beside this file. Any change to it — an
/// accidental breaking change above all — fails here until the file is updated on purpose (the test writes
/// MineralRules.received.txt next to it: review it, then copy it over the approved file).
/// </summary>
public sealed class PublicApiTests
{
    [Test]
    public void PublicApi_Library_MatchesApproved()
    {
        var folder = Path.Combine(TestPaths.Repository, "tests", "MineralRules.Tests", "PublicApi");
        var approvedPath = Path.Combine(folder, "MineralRules.approved.txt");
        var receivedPath = Path.Combine(folder, "MineralRules.received.txt");
        var received = typeof(RuleSetCatalog).Assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        }).ReplaceLineEndings("\n");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;

        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.That(received, Is.EqualTo(approved), $"The public API changed. If on purpose, review {receivedPath} and copy it to {approvedPath}.");
    }
}
