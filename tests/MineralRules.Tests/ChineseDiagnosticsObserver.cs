using System.Collections.Concurrent;
using MineralRules.Diagnostics;
using MineralRules.Tests.Diagnostics;

namespace MineralRules.Tests;

/// <summary>
/// Collects every diagnostic added to a bag while the project's tests run (<see cref="DiagnosticBag.Observer"/>) and,
/// when they end, fails when any lacks its Chinese text: the broken and hostile inputs of every test are checked too.
/// </summary>
[SetUpFixture]
public sealed class ChineseDiagnosticsObserver
{
    private static readonly ConcurrentDictionary<string, Diagnostic> WithoutChinese = new(StringComparer.Ordinal);
    private static int _seen;

    [OneTimeSetUp]
    public void Start() => DiagnosticBag.Observer = diagnostic =>
    {
        Interlocked.Increment(ref _seen);
        if (!ChineseDiagnosticTests.HasChinese(diagnostic))
        {
            WithoutChinese.TryAdd($"{diagnostic.Code}: {diagnostic.Message}", diagnostic);
        }
    };

    [OneTimeTearDown]
    public void Check()
    {
        DiagnosticBag.Observer = null;
        Assert.That(WithoutChinese.Keys.Order(StringComparer.Ordinal), Is.Empty, $"of {_seen} diagnostics written during the run, these have no Chinese text");
    }
}
