using MineralRules;

// Reads an application, checks it against the rules embedded in the MineralRules package and prints the verdicts.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Consumer <application.yaml|json>");
    return 2;
}

var read = ApplicationReader.ReadFile(args[0]);
if (read.Application is not { } application)
{
    foreach (var diagnostic in read.Diagnostics)
    {
        Console.Error.WriteLine(diagnostic);
    }

    return 2;
}

var catalog = RuleSetCatalog.LoadEmbedded();
var result = catalog.Evaluate(application);
Console.WriteLine($"{result.Application}: {result.Decision} (rule set {result.RuleSet.Id} {result.RuleSet.Version})");
foreach (var verdict in result.Verdicts.Where(v => v.Outcome is Outcome.Fail or Outcome.Review))
{
    Console.WriteLine($"  {verdict.Outcome,-6} {verdict.Clause.Ref,-6} {verdict.Rule}: {verdict.Message?.En}");
}

return result.Decision == Decision.Compliant ? 0 : 1;
