using MineralRules.Cli;

namespace MineralRules.Tests.Authoring;

/// <summary>Anything unforeseen at the top of the command line is an error on stderr and exit 2, never a crash.</summary>
public class CliUnexpectedErrorTests
{
    [Test]
    public void Run_OutputThrows_ErrorOnStderrExitTwo()
    {
        using var output = new ThrowingWriter();
        using var error = new StringWriter();

        var code = CliApplication.Run(["lint"], output, error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(error.ToString(), Does.StartWith("error: ").And.Contain("stdout is closed"));
        });
    }

    /// <summary>A standard output that has gone away (a closed pipe).</summary>
    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("stdout is closed");

        public override void Write(string? value) => throw new IOException("stdout is closed");

        public override void WriteLine(string? value) => throw new IOException("stdout is closed");
    }
}
