using Srdi.Cli;

return await SrdiCommandLine.RunAsync(args, Console.Out, Console.Error);
