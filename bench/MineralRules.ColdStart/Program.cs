using System.Diagnostics;
using System.Globalization;
using MineralRules;

// Times RuleSetCatalog.LoadEmbedded (read + validate + compile the embedded rule set) in this fresh process, then the
// same load again (what is left once the code is compiled and the statics built). Prints:
// <first load ms> <process start to loaded ms> <second load ms> <rule count>
var start = Stopwatch.GetTimestamp();
var catalog = RuleSetCatalog.LoadEmbedded();
var loaded = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
var sinceProcessStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;

start = Stopwatch.GetTimestamp();
RuleSetCatalog.LoadEmbedded();
var again = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{loaded:F1} {sinceProcessStart:F1} {again:F1} {catalog.RuleSets[0].RuleIds.Count}"));
