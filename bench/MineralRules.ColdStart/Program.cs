using System.Diagnostics;
using System.Globalization;
using MineralRules;

// Times RuleSetCatalog.LoadEmbedded (read + validate + compile the embedded rule set) in this fresh process, then the
// same load again (what is left once the code is compiled and the statics built). Prints:
// <first load ms> <process start to loaded ms> <second load ms> <rule count> <methods JIT-compiled by the first load> <ms the JIT took in it>
var start = Stopwatch.GetTimestamp();
var (methodsBefore, jitBefore) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
var catalog = RuleSetCatalog.LoadEmbedded();
var loaded = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
var jitMs = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
var sinceProcessStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;

start = Stopwatch.GetTimestamp();
RuleSetCatalog.LoadEmbedded();
var again = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{loaded:F1} {sinceProcessStart:F1} {again:F1} {catalog.RuleSets[0].RuleIds.Count} {jitted} {jitMs:F1}"));
