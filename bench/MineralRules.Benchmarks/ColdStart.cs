using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace MineralRules.Benchmarks;

/// <summary>
/// Cold start: bench/MineralRules.ColdStart (a host that only loads the embedded rule set) in fresh processes, built two
/// ways — published ReadyToRun for this machine, as a host that cares about start-up is deployed, and its plain build,
/// where every method is compiled by the JIT on first call. Both are printed; the ReadyToRun figure is the budget's.
/// </summary>
internal static class ColdStart
{
    /// <summary>Publishes the host, then runs each build <paramref name="runs"/> times, alternating.</summary>
    /// <param name="runs">Fresh processes per build.</param>
    /// <returns>The median first-load time of the ReadyToRun host, in milliseconds.</returns>
    public static double Measure(int runs)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var project = Path.Combine(RepositoryRoot(), "bench", "MineralRules.ColdStart", "MineralRules.ColdStart.csproj");
        var rid = RuntimeInformation.RuntimeIdentifier;

        // Incremental: a few seconds once published; the first time, ReadyToRun compiles the library and its
        // dependencies (about 10 s here).
        var watch = Stopwatch.StartNew();
        var (code, output) = Run(dotnet, "publish", project, "-c", "Release", "-r", rid, "-v", "q", "-nologo");
        if (code != 0)
        {
            throw new InvalidOperationException($"Publishing {project} failed:{Environment.NewLine}{output}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start host published ReadyToRun for {rid} in {watch.Elapsed.TotalSeconds:F1} s"));

        var build = Path.Combine(Path.GetDirectoryName(project)!, "bin", "Release", "net10.0", rid);
        var builds = new[] { ("ReadyToRun", Path.Combine(build, "publish")), ("JIT only", build) };
        var loads = new List<double>[] { [], [] };
        for (var run = 0; run < runs; run++)
        {
            for (var k = 0; k < builds.Length; k++)
            {
                var (name, folder) = builds[k];
                var wall = Stopwatch.StartNew();
                var (exit, line) = Run(dotnet, Path.Combine(folder, "MineralRules.ColdStart.dll"));
                var parts = line.Trim().Split(' ');
                if (exit != 0 || parts.Length != 6)
                {
                    throw new InvalidOperationException($"The cold start host ({name}) exited {exit}: {line}");
                }

                var load = double.Parse(parts[0], CultureInfo.InvariantCulture);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"cold run {run + 1}, {name}: LoadEmbedded {load:F1} ms (again in the same process: {parts[2]} ms; {parts[4]} methods JIT-compiled in {parts[5]} ms); process start to loaded {parts[1]} ms; whole child {wall.Elapsed.TotalMilliseconds:F0} ms"));
                loads[k].Add(load);
            }
        }

        var medians = loads.Select(l => l.Order().ElementAt(l.Count / 2)).ToArray();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"cold start, median of {runs}: ReadyToRun {medians[0]:F0} ms, JIT only {medians[1]:F0} ms"));
        return medians[0];
    }

    private static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var child = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var error = child.StandardError.ReadToEndAsync();
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        return (child.ExitCode, output + error.GetAwaiter().GetResult());
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MineralRules.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No MineralRules.sln above {AppContext.BaseDirectory}: the cold start host is built from the repository.");
    }
}
