using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Srdi.Application;
using Srdi.Application.Hosting;
using Srdi.Application.Profiles;
using Srdi.Cli.Commands;
using Srdi.Model.Sources;

namespace Srdi.Cli;

/// <summary>The `srdi` command: a thin shell over the application services. Exit codes: 0 done,
/// 1 a check failed, 2 bad input (one clear message, never a stack trace).</summary>
public static class SrdiCommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        Invoke(args, output, error, (parsed, configuration) => Task.FromResult(parsed.Invoke(configuration))).GetAwaiter().GetResult();

    /// <summary>As Run, but long commands (batch) run asynchronously and Ctrl-C cancels them.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        Invoke(args, output, error, (parsed, configuration) => parsed.InvokeAsync(configuration));

    private static async Task<int> Invoke(string[] args, TextWriter output, TextWriter error, Func<ParseResult, InvocationConfiguration, Task<int>> invoke)
    {
        Console.OutputEncoding = Encoding.UTF8;
        var catalogOption = new Option<string?>("--catalog") { Recursive = true, Description = "政策目录文件夹（默认：当前目录或上级目录中的 catalog/）" };
        var root = new RootCommand("SRDI Navigator 专精特新政策导航：把政策文件变成可执行、可解释的规则");
        root.Options.Add(catalogOption);
        // Settings come from the environment (Srdi__Catalog=…); --catalog overrides them.
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var context = new CommandContext(output, error, configuration);
        root.Subcommands.Add(EvaluateCommand.Build(context, catalogOption));
        root.Subcommands.Add(AssessCommand.Build(context, catalogOption));
        root.Subcommands.Add(BatchCommand.Build(context, catalogOption));
        root.Subcommands.Add(RosterCommand.Build(context, catalogOption));
        root.Subcommands.Add(PoliciesCommand.Build(context, catalogOption));
        root.Subcommands.Add(CheckCommand.Build(context, catalogOption));
        root.Subcommands.Add(FactsCommand.Build(context, catalogOption));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine($"错误：{e.Message}");
            error.WriteLine("用法见 srdi --help");
            return BadInput;
        }
        try
        {
            // A cancelled batch needs a moment to delete its working folder before it reports.
            return await invoke(parsed, new InvocationConfiguration
            {
                Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            });
        }
        catch (CatalogException e)
        {
            error.WriteLine($"政策目录有误：{e.Message}");
            return BadInput;
        }
        catch (ProfileException e)
        {
            error.WriteLine($"企业档案有误：{e.Message}");
            return BadInput;
        }
        catch (UsageException e)
        {
            error.WriteLine($"错误：{e.Message}");
            return BadInput;
        }
    }
}

/// <summary>What every command needs: where to write, and the application services, built through
/// dependency injection as any host builds them, on first use.</summary>
internal sealed class CommandContext(TextWriter output, TextWriter error, IConfiguration configuration)
{
    private readonly Dictionary<string, ServiceProvider> _providers = new(StringComparer.Ordinal);

    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>The services over the catalog named by --catalog, else the configured or shipped one.</summary>
    public T Service<T>(string? catalog) where T : notnull => Services(catalog).GetRequiredService<T>();

    public PolicyNavigator Open(string? catalog) => Service<PolicyNavigator>(catalog);

    private ServiceProvider Services(string? catalog)
    {
        if (_providers.TryGetValue(catalog ?? "", out var provider)) return provider;
        var settings = catalog is null
            ? configuration
            : new ConfigurationBuilder().AddConfiguration(configuration)
                .AddInMemoryCollection([KeyValuePair.Create<string, string?>($"{SrdiNavigatorOptions.Section}:{nameof(SrdiNavigatorOptions.Catalog)}", catalog)])
                .Build();
        provider = new ServiceCollection().AddSrdiNavigator(settings).BuildServiceProvider();
        _providers[catalog ?? ""] = provider;
        return provider;
    }
}
