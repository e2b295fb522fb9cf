using System.Diagnostics;
using System.Globalization;
using System.Text;
using MineralRules.Documents;
using MineralRules.Tests.Findings;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MineralRules.Tests.Documents;

/// <summary>
/// <see cref="PlainParser"/> is YamlDotNet's <c>Parser</c> ported without tags, anchors and aliases: on the reader's
/// scanner (which refuses those), both must give the same events — kind, start, end, a scalar's value and style, a
/// collection's flow or block style — and, on a broken document, throw the same exception with the same message and
/// marks at the same point, having made the same calls to the scanner in the same order (logged between the events). Compared on every YAML and JSON file of the repository, on hand-written edge cases of the
/// YAML grammar, and on mutated documents (the fuzzer's mutations, a fixed seed).
/// </summary>
public class PlainParserTests
{
    private const int Seed = 20_26_12_03;

    [Test]
    public void Parse_EveryYamlAndJsonFileOfTheRepository_AsYamlDotNetsParser()
    {
        var files = RepositoryDocuments();

        Assert.That(files, Has.Count.GreaterThan(100), "the repository's YAML and JSON files");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.That(Ported(text), Is.EqualTo(YamlDotNets(text)), Path.GetRelativePath(TestPaths.Repository, file));
        }
    }

    [TestCase("")]
    [TestCase("   \n# only a comment\n")]
    [TestCase("a: 1")]
    [TestCase("plain")]
    [TestCase("---\na: 1\n")]
    [TestCase("---\na: 1\n...\n")]
    [TestCase("a: 1\n...\n...\n")]
    [TestCase("---\n")]
    [TestCase("---\n...\n")]
    [TestCase("...\n")]
    [TestCase("a: 1\n---\nb: 2\n")]
    [TestCase("--- a\n--- b\n")]
    [TestCase("%YAML 1.2\n---\na: 1\n")]
    [TestCase("%YAML 1.1\n---\na: 1\n")]
    [TestCase("%YAML 2.0\n---\na: 1\n")]
    [TestCase("%YAML 1.3\n---\na: 1\n")]
    [TestCase("%YAML 1.4\n---\na: 1\n")]
    [TestCase("%YAML 1.2\n%YAML 1.2\n---\na: 1\n")]
    [TestCase("%YAML 1.2\na: 1\n")]
    [TestCase("a: 1\n%YAML 1.2\n---\nb: 2\n")]
    [TestCase("a: 1\n...\n%YAML 1.2\n---\nb: 2\n")]
    [TestCase("a:\n- b\n- c\nd: e\n")]
    [TestCase("a:\n-\nb: c\n")]
    [TestCase("a:\n- x\n-\n? y\n: z\n")]
    [TestCase("a:\n-\n: z\n")]
    [TestCase("a:\n  - b\n  -\n  - - c\n    - d\n")]
    [TestCase("- a\n- b: c\n  d: e\n-\n- [x, y]\n")]
    [TestCase("? a\n: b\n? c\n")]
    [TestCase("? [a, b]\n: c\n")]
    [TestCase(": no key\n")]
    [TestCase("a:\nb:\n")]
    [TestCase("a: b: c\n")]
    [TestCase("a: [b, c: d, ? e, f: ]\n")]
    [TestCase("[a: b, ? c : d, : e]")]
    [TestCase("{a, b: c, : d, ? e}")]
    [TestCase("{a: 1 b: 2}")]
    [TestCase("{a: 1, b}")]
    [TestCase("{a: 1,}")]
    [TestCase("[a, b,]")]
    [TestCase("{a: b}- z")]
    [TestCase("[a, b]#c")]
    [TestCase("[a b]")]
    [TestCase("[a, [b, {c: d}], e]")]
    [TestCase("{\"a\": [1, 2.5, null, true], \"b\": {\"c\": \"d\"}}")]
    [TestCase("a: [b, c\n")]
    [TestCase("a: {b: c\n")]
    [TestCase("a: {b: c\nd: e\n")]
    [TestCase("a: [b,\n  c]\nd: e\n")]
    [TestCase("a: ]\n")]
    [TestCase("a: }\n")]
    [TestCase("- a\nb: c\n")]
    [TestCase("a: 1\n- b\n")]
    [TestCase("a:\n  b: 1\n c: 2\n")]
    [TestCase("a: 'x'\nb: \"y\"\nc: |\n  z\nd: >-\n  w\n")]
    [TestCase("a: \"unclosed\n")]
    [TestCase("a: 'x' y\n")]
    [TestCase("a: \"x\" # c\nb: 1\n")]
    [TestCase("a: [\"x\" # c\n]\n")]
    [TestCase("key with spaces: value with: colon\n")]
    [TestCase("a: b\n  c\n")]
    [TestCase("a:\n  b\n  c: d\n")]
    [TestCase("[a]: b\n")]
    [TestCase("{a: b}: c\n")]
    [TestCase("- ? a\n  : b\n")]
    [TestCase("a: - b\n")]
    [TestCase("a: 1\n  - b\n")]
    [TestCase("- - - a\n")]
    [TestCase("[[[[a]]]]")]
    [TestCase("{a: {b: {c: {}}}}")]
    [TestCase("[]\n")]
    [TestCase("{}\n")]
    [TestCase("a: [b]c\n")]
    [TestCase("a: [b] # c\n")]
    [TestCase("a: [b]# c\n")]
    [TestCase("{a: [b], c: d}")]
    [TestCase("{a\n: b}")]
    [TestCase("[a\n: b]")]
    [TestCase("a:    \n  b\n")]
    [TestCase("\"a\":b\n")]
    [TestCase("a: 1\n\u00a0b: 2\n")]
    public void Parse_EdgeCase_AsYamlDotNetsParser(string text)
    {
        Assert.That(Ported(text), Is.EqualTo(YamlDotNets(text)));
    }

    [Test]
    public void Parse_MutatedDocuments_AsYamlDotNetsParser()
    {
        var seeds = RepositoryDocuments().Where(f => new FileInfo(f).Length < 16_000).Select(File.ReadAllBytes).ToList();
        var random = new Random(Seed);
        var stopwatch = Stopwatch.StartNew();
        var inputs = 0;
        var broken = 0;
        while (inputs < 4_000 && stopwatch.Elapsed < TimeSpan.FromSeconds(20))
        {
            var text = ReaderFuzzTests.Decode(ReaderFuzzTests.Mutate(random, seeds[random.Next(seeds.Count)]));
            inputs++;
            var expected = YamlDotNets(text);
            broken += expected[^1].StartsWith("throws", StringComparison.Ordinal) ? 1 : 0;
            var actual = Ported(text);
            if (!actual.SequenceEqual(expected))
            {
                Assert.That(actual, Is.EqualTo(expected), $"mutated input {inputs} (seed {Seed}), base64: {Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}");
            }
        }

        TestContext.Out.WriteLine($"{inputs} mutated documents ({broken} broken) in {stopwatch.Elapsed.TotalSeconds:F1} s, seed {Seed}.");
        Assert.That(broken, Is.GreaterThan(inputs / 10), "the mutations reach the parser's error paths");
        Assert.That(inputs - broken, Is.GreaterThan(inputs / 10), "and its paths through whole documents");
    }

    [Test]
    public void Consume_WrongKind_YamlDotNetsMessage()
    {
        var ported = new PlainParser(Scanner("a: 1", []));
        var yamlDotNet = new Parser(Scanner("a: 1", []));

        var expected = Assert.Throws<YamlException>(() => yamlDotNet.Consume<DocumentStart>());
        var actual = Assert.Throws<YamlException>(() => ported.Consume(PlainEventKind.DocumentStart));

        Assert.That(actual.Message, Is.EqualTo(expected.Message));
        Assert.That((actual.Start, actual.End), Is.EqualTo((expected.Start, expected.End)));
    }

    [Test]
    public void Accept_AfterTheEnd_EndOfStream()
    {
        var parser = new PlainParser(Scanner("a", []));
        while (parser.MoveNext())
        {
        }

        Assert.That(parser.Current.Kind, Is.EqualTo(PlainEventKind.None));
        Assert.Throws<EndOfStreamException>(() => parser.Accept(PlainEventKind.StreamEnd, out _));
    }

    /// <summary>The reader's scanner over the text, each call to it logged into <paramref name="log"/>.</summary>
    private static LoggingScanner Scanner(string text, List<string> log) =>
        new(new YamlDocumentReader.PlainScanner(new Scanner(new StringReader(text), skipComments: true)), log);

    /// <summary>Every YAML and JSON file of the repository outside build output, in a stable order.</summary>
    private static List<string> RepositoryDocuments() =>
        [.. new[] { "rules", "samples", "tests", "schemas", "docs" }
            .Select(folder => Path.Combine(TestPaths.Repository, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private static List<string> Ported(string text)
    {
        var events = new List<string>();
        try
        {
            var parser = new PlainParser(Scanner(text, events));
            while (parser.MoveNext())
            {
                var e = parser.Current;
                events.Add(Describe(e.Kind.ToString(), e.Start, e.End, e.Value, e.Style, e.Flow));
            }
        }
        catch (Exception e)
        {
            events.Add(Describe(e));
        }

        return events;
    }

    private static List<string> YamlDotNets(string text)
    {
        var events = new List<string>();
        try
        {
            var parser = new Parser(Scanner(text, events));
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                events.Add(e switch
                {
                    Scalar s => Describe(nameof(Scalar), s.Start, s.End, s.Value, s.Style, false),
                    SequenceStart s => Describe(nameof(SequenceStart), s.Start, s.End, null, ScalarStyle.Any, s.Style == SequenceStyle.Flow),
                    MappingStart m => Describe(nameof(MappingStart), m.Start, m.End, null, ScalarStyle.Any, m.Style == MappingStyle.Flow),
                    _ => Describe(e.GetType().Name, e.Start, e.End, null, ScalarStyle.Any, false),
                });
            }
        }
        catch (Exception e)
        {
            events.Add(Describe(e));
        }

        return events;
    }

    private static string Describe(string kind, Mark start, Mark end, string? value, ScalarStyle style, bool flow) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind} {start}-{end}{(value is null ? "" : $" {style} \"{value}\"")}{(flow ? " flow" : "")}");

    private static string Describe(Exception e) =>
        e is YamlException y
            ? string.Create(CultureInfo.InvariantCulture, $"throws {e.GetType().Name} {y.Start}-{y.End}: {e.Message}")
            : $"throws {e.GetType().Name}: {e.Message}";

    /// <summary>A scanner that logs every call made to it (and the token or position it gave) between the events.</summary>
    private sealed class LoggingScanner(IScanner inner, List<string> log) : IScanner
    {
        public Mark CurrentPosition
        {
            get
            {
                var position = inner.CurrentPosition;
                log.Add(string.Create(CultureInfo.InvariantCulture, $"  position {position}"));
                return position;
            }
        }

        public YamlDotNet.Core.Tokens.Token? Current => inner.Current;

        public bool MoveNext() => Logged("move", inner.MoveNext);

        public bool MoveNextWithoutConsuming() => Logged("peek", inner.MoveNextWithoutConsuming);

        public void ConsumeCurrent()
        {
            log.Add("  consume");
            inner.ConsumeCurrent();
        }

        private bool Logged(string call, Func<bool> move)
        {
            bool moved;
            try
            {
                moved = move();
            }
            catch (Exception e)
            {
                log.Add($"  {call} throws {e.GetType().Name}");
                throw;
            }

            log.Add(string.Create(CultureInfo.InvariantCulture, $"  {call} {moved} {inner.Current?.GetType().Name} {inner.Current?.Start}"));
            return moved;
        }
    }
}
