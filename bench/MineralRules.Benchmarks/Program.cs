using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace MineralRules.Benchmarks;

/// <summary>
/// <c>--quick</c>: Stopwatch rounds and medians, under a minute, last line the ratios and budgets (docs/performance.md).
/// <c>--zones</c>: zones derived from boundaries against 10,000 generated zone polygons (<see cref="ZoneRun"/>).
/// <c>--records</c>: every fact from records (zones and a 100,000-right register) per application (<see cref="RecordsRun"/>).
/// Otherwise: BenchmarkDotNet over the three implementations (arguments go to BenchmarkSwitcher).
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>0, or 1 when the implementations disagree.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Contains("--quick"))
        {
            return QuickRun.Run();
        }

        if (args.Contains("--zones"))
        {
            return ZoneRun.Run();
        }

        if (args.Contains("--records"))
        {
            return RecordsRun.Run();
        }

        // In-process by default: BenchmarkDotNet's out-of-process toolchain would generate and build a project inside
        // this repository, under its Directory.Build.props (warnings as errors) and central package management.
        var config = args.Contains("--outOfProcess")
            ? DefaultConfig.Instance
            : DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. args.Where(a => a != "--outOfProcess")], config);
        return 0;
    }
}
