using System.Text;

namespace MineralRules.Tests.Applications;

/// <summary>
/// <see cref="ApplicationReader.Read(ReadOnlyMemory{byte}, ApplicationFormat, long, SourceLocation)"/>: an application
/// that stands within a larger document (an element of a JSON array) is named and located in that document.
/// </summary>
[TestFixture]
public sealed class ApplicationReaderStartTests
{
    private const long Max = 1024 * 1024;

    private static readonly byte[] Sample = File.ReadAllBytes(Path.Combine(TestPaths.Samples, "5.2.1", "coal.new-underground.min-capacity.fail.yaml"));

    [Test]
    public void Read_AtStart_DiagnosticsOnItsFirstLineMoveRightAndLaterLinesMoveDown()
    {
        var json = "{ \"id\": \"A\", \"permit\": \"minning\",\n  \"action\": \"neww\" }";

        var read = ApplicationReader.Read(Encoding.UTF8.GetBytes(json), ApplicationFormat.Json, Max, new SourceLocation("batch[3].json", 40, 7));
        var alone = ApplicationReader.Read(Encoding.UTF8.GetBytes(json), ApplicationFormat.Json, Max);

        var permit = read.Diagnostics.Single(d => d.Message.Contains("minning", StringComparison.Ordinal)).Location;
        var action = read.Diagnostics.Single(d => d.Message.Contains("neww", StringComparison.Ordinal)).Location;
        var permitAlone = alone.Diagnostics.Single(d => d.Message.Contains("minning", StringComparison.Ordinal)).Location;
        var actionAlone = alone.Diagnostics.Single(d => d.Message.Contains("neww", StringComparison.Ordinal)).Location;
        Assert.That(read.Path, Is.EqualTo("batch[3].json"));
        Assert.That(permit, Is.EqualTo(new SourceLocation("batch[3].json", 40, permitAlone.Column + 6)));
        Assert.That(action, Is.EqualTo(new SourceLocation("batch[3].json", 41, actionAlone.Column)));
    }

    [Test]
    public void Read_AtStart_FieldLinesAreTheLargerDocuments()
    {
        var read = ApplicationReader.Read(Sample, ApplicationFormat.Yaml, Max, new SourceLocation("upload.yaml", 101, 1));
        var alone = ApplicationReader.Read(Sample, ApplicationFormat.Yaml, Max);

        Assert.That(read.IsValid, Is.True);
        Assert.That(alone.LineOf("capacity"), Is.EqualTo(10));
        Assert.That(read.LineOf("capacity"), Is.EqualTo(110));
        Assert.That(read.Locate("capacity").Path, Is.EqualTo("upload.yaml"));
    }

    [Test]
    public void Read_AtStartWithABadByte_IsAnMR1002AtItsPlaceInTheLargerDocument()
    {
        var bytes = Encoding.UTF8.GetBytes("{ \"id\": \"A\",\n  \"applicant\": \"X\" }");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;

        var diagnostic = ApplicationReader.Read(bytes, ApplicationFormat.Json, Max, new SourceLocation("batch[0].json", 5, 3)).Diagnostics.Single();

        Assert.That(diagnostic.Code, Is.EqualTo("MR1002"));
        Assert.That(diagnostic.Message, Does.Contain("not UTF-8"));
        Assert.That(diagnostic.Location, Is.EqualTo(new SourceLocation("batch[0].json", 6, 17)));
    }

    [Test]
    public void Read_AtLineOneColumnOne_IsReadAsAloneUnderItsName()
    {
        var read = ApplicationReader.Read(Sample, ApplicationFormat.Yaml, Max, new SourceLocation("fail.yaml", 1, 1));
        var named = ApplicationReader.Read(Encoding.UTF8.GetString(Sample), "fail.yaml");

        Assert.That(read.LineOf("capacity"), Is.EqualTo(named.LineOf("capacity")));
        Assert.That(read.Path, Is.EqualTo("fail.yaml"));
    }

    [TestCase(0, 1)]
    [TestCase(1, 0)]
    public void Read_StartWithoutAPosition_Throws(int line, int column) =>
        Assert.That(() => ApplicationReader.Read(Sample, ApplicationFormat.Yaml, Max, new SourceLocation("x.yaml", line, column)), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
