using MineralRules.Cli;

return CliApplication.Run(args, Console.Out, Console.Error, !Console.IsErrorRedirected);
