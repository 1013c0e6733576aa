using Srdi.Tools.Rosters;

return GeneratorCommandLine.Run(args, Console.Out, Console.Error);
