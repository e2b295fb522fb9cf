namespace MineralRules.Tests.Cli;

/// <summary>Help as a person meets it: <c>mineralrules</c> alone prints it, and it names the tool as installed.</summary>
public sealed class HelpTests
{
    [Test]
    public void Run_NoArguments_PrintsHelpExitZero()
    {
        var (code, output, error) = CliRunner.RunWithShippedRules();

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain("Usage:").And.Contain("mineralrules [command] [options]"));
            Assert.That(output, Does.Contain("check <paths>").And.Contain("new-version <from> <to>"));
            Assert.That(error, Is.Empty);
        });
    }

    [TestCase("--help")]
    [TestCase("check", "--help")]
    [TestCase("new-version", "--help")]
    public void Help_AnyCommand_NamesTheToolNotTheAssembly(params string[] args)
    {
        var (code, output, _) = CliRunner.RunWithShippedRules(args);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(output, Does.Contain(args.Length > 1 ? $"mineralrules {args[0]}" : "mineralrules [command]"));
            Assert.That(output, Does.Not.Contain("MineralRules.Cli"));
        });
    }

    [Test]
    public void Run_UnknownCommand_ExitTwoPointingAtHelp()
    {
        var (code, _, error) = CliRunner.RunWithShippedRules("chek");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error, Does.Contain("Run 'mineralrules --help' for usage."));
        });
    }
}
