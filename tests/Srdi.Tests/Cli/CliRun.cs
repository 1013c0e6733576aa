using Srdi.Cli;
using Srdi.Tests.Catalog;

namespace Srdi.Tests.Cli;

/// <summary>Runs the srdi command in-process, as a user would type it, and captures both streams.</summary>
internal static class CliRun
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = SrdiCommandLine.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static string Example(string name) => Path.Combine(RealCatalog.RepositoryRoot, "examples", name);

    public static string TempProfile(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"srdi-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
