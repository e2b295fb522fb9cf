using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MineralRules.Diagnostics;
using MineralRules.Documents;
using MineralRules.Tests.Cli;

namespace MineralRules.Tests.Findings;

/// <summary>
/// A bounded mutation fuzzer for the document readers and the rule loader: seeds (the samples, the findings'
/// reproducers, JSON forms of samples) are mutated byte-wise and read as YAML and as JSON. Any exception escaping
/// the reader, a diagnostic for another file, or one input taking more than 5 s fails the test with the input in
/// base64. The run is reproducible: a fixed seed (MINERALRULES_FUZZ_SEED) and a time budget
/// (MINERALRULES_FUZZ_SECONDS, default 20) split three to one between applications and rules.
/// </summary>
[NonParallelizable]
public class ReaderFuzzTests
{
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(5);

    private static readonly string[] Tokens =
    [
        "\\uD800", "\\uDC00", "\\uD800\\u0041", "\\uDBFF\\uDFFF", "\\x01", "\\0", "\\u0000", "\\e", "\\N", "\\U0010FFFF", "\\U00110000",
        "!<a:b>", "!<tag:yaml.org,2002:str>", "!!str ", "!!binary ", "!custom ", "! ", "%TAG ! tag:a,2000:\n", "%YAML 1.1\n---\n",
        "&a ", "*a", "&a [*a, *a]", "<<: *a\n", "{", "}", "[", "]", "\"", "'", ": ", "- ", "? ", ",", "\n  ", "\n", "\t", "\r",
        "---\n", "...\n", "|\n", ">-\n", "|+2\n", "# c\n", "null", "~", "true", "1e999999", "-0", "0x1F", "99999999999999999999999999999",
        "2024-02-30", "9999-12-31", "0001-01-01", "鄂尔多斯市", "万吨/年", "\u0085", "\u2028", "\uFEFF", "\U0001F600",
    ];

    private static readonly byte[][] Bytes =
    [
        [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0x00], [0x80], [0xE9],
    ];

    private const string RunCharacters = "a{[- \"'\n:9";

    private const string Punctuation = "\\\"':{}[],-&*!|>#%@`\n ";

    private static readonly int Seed = Environment.GetEnvironmentVariable("MINERALRULES_FUZZ_SEED") is { } seed
        ? int.Parse(seed, CultureInfo.InvariantCulture)
        : 20_26_12_03;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(
        Environment.GetEnvironmentVariable("MINERALRULES_FUZZ_SECONDS") is { } seconds ? double.Parse(seconds, CultureInfo.InvariantCulture) : 20);

    [Test]
    public void Read_MutatedDocuments_OnlyDiagnostics()
    {
        var seeds = ApplicationSeeds();
        var random = new Random(Seed);
        var stopwatch = Stopwatch.StartNew();
        var inputs = 0;
        while (stopwatch.Elapsed < Budget * 0.75)
        {
            var input = Mutate(random, seeds[random.Next(seeds.Count)]);
            inputs++;
            foreach (var path in (string[])["fuzz.yaml", "fuzz.json"])
            {
                var text = Decode(input);
                var failure = Run(() =>
                {
                    var result = ApplicationReader.Read(text, path);
                    return result.Diagnostics.FirstOrDefault(d => d.Location.Path != path) is { } stray
                        ? $"a diagnostic for another file: {stray}"
                        : result.IsValid == result.Diagnostics.Count > 0 ? "IsValid disagrees with the diagnostics" : null;
                });
                if (failure is not null)
                {
                    Assert.Fail(Report(failure, path, input, inputs));
                }
            }
        }

        TestContext.Out.WriteLine($"fuzz seed {Seed}: {inputs} inputs in {stopwatch.Elapsed.TotalSeconds:F1} s, read as YAML and as JSON.");
    }

    [Test]
    public void TryLoadFromFolder_MutatedRuleFile_OnlyDiagnostics()
    {
        using var temp = new TempFolder();
        var rules = temp.CopyTestRules();
        var files = Directory.EnumerateFiles(rules, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var originals = files.ToDictionary(f => f, File.ReadAllBytes);
        var random = new Random(Seed);
        var stopwatch = Stopwatch.StartNew();
        var inputs = 0;
        while (stopwatch.Elapsed < Budget * 0.25)
        {
            var file = files[random.Next(files.Count)];
            var input = Mutate(random, originals[file]);
            inputs++;
            File.WriteAllBytes(file, input);
            var failure = Run(() =>
            {
                var result = RuleSetCatalog.TryLoadFromFolder(rules);
                return (result.Catalog is null) == (result.Diagnostics.Count == 0) ? "a catalog and diagnostics disagree" : null;
            });
            File.WriteAllBytes(file, originals[file]);
            if (failure is not null)
            {
                Assert.Fail(Report(failure, Path.GetRelativePath(rules, file), input, inputs));
            }
        }

        TestContext.Out.WriteLine($"rule fuzz seed {Seed}: {inputs} rule files in {stopwatch.Elapsed.TotalSeconds:F1} s.");
    }

    [Test]
    public void Mutate_SameSeed_SameInputs()
    {
        var seed = Encoding.UTF8.GetBytes("id: Y-1\npermit: mining\n");

        var first = new Random(7);
        var a = Enumerable.Range(0, 20).Select(_ => Convert.ToBase64String(Mutate(first, seed))).ToList();
        var second = new Random(7);
        var b = Enumerable.Range(0, 20).Select(_ => Convert.ToBase64String(Mutate(second, seed))).ToList();

        Assert.That(a, Is.EqualTo(b));
    }

    /// <summary>Reads the bytes as a file is read: UTF-8 (or the encoding its byte order mark names), bad bytes as U+FFFD.</summary>
    internal static string Decode(byte[] input)
    {
        using var reader = new StreamReader(new MemoryStream(input), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Runs one input with a time limit: the failure, or null.</summary>
    private static string? Run(Func<string?> read)
    {
        var stopwatch = Stopwatch.StartNew();
        var task = Task.Run(read);
        try
        {
            if (!task.Wait(PerInput))
            {
                return $"took more than {PerInput.TotalSeconds} s";
            }
        }
        catch (AggregateException e)
        {
            return $"threw {e.InnerException}";
        }

        return task.Result is { } failure ? failure : stopwatch.Elapsed > PerInput ? $"took {stopwatch.Elapsed.TotalSeconds:F1} s" : null;
    }

    private static string Report(string failure, string path, byte[] input, int number)
    {
        var saved = Path.Combine(Path.GetTempPath(), $"mineralrules-fuzz-{Seed}-{number}-{Path.GetFileName(path)}");
        File.WriteAllBytes(saved, input);
        var base64 = Convert.ToBase64String(input);
        return $"Input {number} (seed {Seed}) read as {path}: {failure}\nSaved to {saved}\nbase64 ({input.Length} bytes): "
            + (base64.Length <= 20_000 ? base64 : base64[..20_000] + "... (see the saved file)");
    }

    private static List<byte[]> ApplicationSeeds()
    {
        var folder = Path.Combine(TestPaths.Repository, "tests", "MineralRules.Tests", "Findings");
        var texts = Directory.EnumerateFiles(TestPaths.Samples, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToList();
        texts.Add(Encoding.UTF8.GetBytes(Fixtures.CompliantCoalMine));

        // JSON forms of some samples, pretty and on one line.
        var samples = Directory.EnumerateFiles(TestPaths.Samples, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Where((_, i) => i % 20 == 0);
        foreach (var sample in samples.Append("fixture"))
        {
            var yaml = sample == "fixture" ? Fixtures.CompliantCoalMine : File.ReadAllText(sample);
            if (YamlDocumentReader.Read(yaml, "seed.yaml", new DiagnosticBag()) is { } root)
            {
                texts.Add(ToJson(root, indented: true));
                texts.Add(ToJson(root, indented: false));
            }
        }

        return texts;
    }

    private static byte[] ToJson(DocumentNode root, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, root);
        }

        return stream.ToArray();

        static void Write(Utf8JsonWriter writer, DocumentNode node)
        {
            switch (node)
            {
                case MappingNode mapping:
                    writer.WriteStartObject();
                    foreach (var (key, value) in mapping.Entries)
                    {
                        writer.WritePropertyName(key.Value);
                        Write(writer, value);
                    }

                    writer.WriteEndObject();
                    break;
                case SequenceNode sequence:
                    writer.WriteStartArray();
                    foreach (var item in sequence.Items)
                    {
                        Write(writer, item);
                    }

                    writer.WriteEndArray();
                    break;
                case ScalarNode { IsNull: true }:
                    writer.WriteNullValue();
                    break;
                case ScalarNode { Quoted: false, Value: "true" or "false" } scalar:
                    writer.WriteBooleanValue(scalar.Value == "true");
                    break;
                case ScalarNode { Quoted: false } scalar when decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                    writer.WriteNumberValue(number);
                    break;
                case ScalarNode scalar:
                    writer.WriteStringValue(scalar.Value);
                    break;
            }
        }
    }

    /// <summary>One to four byte-level mutations: flips, inserts, deletions, duplicated spans, special tokens, long runs.</summary>
    internal static byte[] Mutate(Random random, byte[] seed)
    {
        var data = new List<byte>(seed);
        var count = 1 + random.Next(4);
        for (var n = 0; n < count; n++)
        {
            var at = random.Next(data.Count + 1);
            switch (random.Next(10))
            {
                case 0 when data.Count > 0:
                    at = Math.Min(at, data.Count - 1);
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data.Insert(at, (byte)random.Next(256));
                    break;
                case 2 when data.Count > 0:
                    var from = Math.Min(at, data.Count - 1);
                    data.RemoveRange(from, Math.Min(1 + random.Next(16), data.Count - from));
                    break;
                case 3 when data.Count > 1:
                    var start = random.Next(data.Count);
                    var span = data.GetRange(start, Math.Min(1 + random.Next(64), data.Count - start));
                    data.InsertRange(at, Enumerable.Repeat(span, 1 + random.Next(random.Next(2) == 0 ? 3 : 200)).SelectMany(s => s));
                    break;
                case 4 or 5 or 6:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 7:
                    data.InsertRange(at, Bytes[random.Next(Bytes.Length)]);
                    break;
                case 8:
                    var run = random.Next(3) switch
                    {
                        0 => Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]),
                        1 => [(byte)RunCharacters[random.Next(RunCharacters.Length)]],
                        _ => Encoding.UTF8.GetBytes("矿"),
                    };
                    var times = 1_000 + random.Next(20_000);
                    data.InsertRange(at, Enumerable.Repeat(run, times).SelectMany(b => b));
                    break;
                case 9 when data.Count > 0:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    data.Insert(at, (byte)Punctuation[random.Next(Punctuation.Length)]);
                    break;
            }
        }

        return [.. data];
    }
}
