using Srdi.Cli;

return SrdiCommandLine.Run(args, Console.Out, Console.Error);
