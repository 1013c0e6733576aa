using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Srdi.Application;
using Srdi.Application.Hosting;
using Srdi.Application.Profiles;
using Srdi.Application.Rosters;
using Srdi.Cli.Commands;
using Srdi.Model.Sources;

namespace Srdi.Cli;

/// <summary>The `srdi` command: a thin shell over the application services. Exit codes: 0 done,
/// 1 a check failed, 2 bad input (one clear Chinese sentence, never a stack trace), 3 a batch
/// with rejected rows, 70 an unexpected error (a short message and the path of a log with the
/// details), 130 cancelled.</summary>
public static partial class SrdiCommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    /// <summary>Something went wrong that no input explains (a bug): the details are in a log.</summary>
    public const int Unexpected = 70;

    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        Invoke(args, output, error, (parsed, configuration) => Task.FromResult(parsed.Invoke(configuration))).GetAwaiter().GetResult();

    /// <summary>As Run, but long commands (batch) run asynchronously and Ctrl-C or SIGTERM cancels
    /// them: the process ends once the command has ended (<see cref="Termination"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        Invoke(args, output, error, (parsed, configuration) => parsed.Action is AsynchronousCommandLineAction
            ? Termination.RunAsync(token => parsed.InvokeAsync(configuration, token))
            // A synchronous command never looks at a token: Ctrl-C ends it as it ends any program.
            : parsed.InvokeAsync(configuration));

    /// <summary>The folder the logs of unexpected errors go to (the temp folder's srdi/).</summary>
    public static string LogFolder => Path.Combine(Path.GetTempPath(), "srdi");

    private static async Task<int> Invoke(string[] args, TextWriter rawOutput, TextWriter rawError, Func<ParseResult, InvocationConfiguration, Task<int>> invoke)
    {
        Console.OutputEncoding = Encoding.UTF8;
        // Whatever a command echoes (names from a profile, values from the command line) reaches
        // the terminal without control characters or escape sequences.
        var output = new TerminalText.SafeWriter(rawOutput);
        var error = new TerminalText.SafeWriter(rawError);
        try
        {
            var catalogOption = new Option<string?>("--catalog")
            {
                Recursive = true,
                Description = $"政策目录文件夹（默认：程序自带的 catalog/；也可用环境变量 {CatalogLocation.EnvironmentVariable} 或 Srdi__Catalog 指定）",
            };
            var root = new RootCommand("SRDI Navigator 专精特新政策导航：把政策文件变成可执行、可解释的规则");
            root.Options.Add(catalogOption);
            // Settings come from the environment (SRDI_CATALOG=… or Srdi__Catalog=…); --catalog overrides them.
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            var context = new CommandContext(output, error, configuration);
            root.Subcommands.Add(EvaluateCommand.Build(context, catalogOption));
            root.Subcommands.Add(AssessCommand.Build(context, catalogOption));
            root.Subcommands.Add(BatchCommand.Build(context, catalogOption));
            root.Subcommands.Add(RosterCommand.Build(context, catalogOption));
            root.Subcommands.Add(PoliciesCommand.Build(context, catalogOption));
            root.Subcommands.Add(CheckCommand.Build(context, catalogOption));
            root.Subcommands.Add(FactsCommand.Build(context, catalogOption));

            var parsed = Parse(root, args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var e in parsed.Errors) error.WriteLine($"错误：{ParseErrors.Translate(e)}");
                error.WriteLine("用法见 srdi --help");
                return BadInput;
            }
            // Signals are handled by RunAsync (Termination), not by System.CommandLine, which could
            // end the process before a cancelled batch had deleted its working folder.
            return await invoke(parsed, new InvocationConfiguration
            {
                Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
            });
        }
        catch (Exception e) when (Expected(e) is { } message)
        {
            error.WriteLine($"错误：{message}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("已取消");
            return 130;
        }
        catch (Exception e)
        {
            return Fail(e, args, error);
        }
    }

    /// <summary>An unexpected error: a short Chinese message and the path of a log with the details.</summary>
    internal static int Fail(Exception e, string[] args, TextWriter error)
    {
        error.WriteLine($"错误：程序内部出错，未能完成。{LogTo(e, args)}");
        return Unexpected;
    }

    /// <summary>Parses with the invariant UI culture, so that the parser's messages have the
    /// wording <see cref="ParseErrors"/> translates.</summary>
    private static ParseResult Parse(RootCommand root, string[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            return root.Parse(args);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>The one sentence for a failure the user can fix, or null for a bug.</summary>
    internal static string? Expected(Exception e) => e switch
    {
        UsageException => e.Message,
        CatalogException => $"政策目录有误：{e.Message}",
        ProfileException => $"企业档案有误：{e.Message}",
        RosterFormatException => $"名单无法读取：{e.Message}",
        FileNotFoundException f => $"找不到文件“{TerminalText.Clean(f.FileName ?? PathIn(f.Message))}”",
        DirectoryNotFoundException d => $"找不到文件夹：“{TerminalText.Clean(PathIn(d.Message))}”不存在",
        UnauthorizedAccessException u => $"没有权限读写“{TerminalText.Clean(PathIn(u.Message))}”",
        PathTooLongException p => $"路径太长：“{TerminalText.Clean(PathIn(p.Message))}”",
        IOException io when io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) || io.HResult == unchecked((int)0x80070070) =>
            $"磁盘空间不足，无法写入“{TerminalText.Clean(PathIn(io.Message))}”",
        IOException io when PathIn(io.Message).Length > 0 => $"无法读写“{TerminalText.Clean(PathIn(io.Message))}”：文件被占用、是文件夹或系统拒绝了该操作",
        _ => null,
    };

    /// <summary>The path a .NET I/O message quotes ("Could not find a part of the path '/x/y'.").</summary>
    private static string PathIn(string message) => QuotedPath().Match(message) is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex QuotedPath();

    /// <summary>Writes the details of an unexpected error to a log and says where it is.</summary>
    private static string LogTo(Exception e, string[] args)
    {
        try
        {
            Directory.CreateDirectory(LogFolder);
            var path = Path.Combine(LogFolder, string.Create(CultureInfo.InvariantCulture,
                $"srdi-error-{DateTime.Now:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}.log"));
            File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture,
                $"srdi {typeof(SrdiCommandLine).Assembly.GetName().Version} {DateTimeOffset.Now:O}\n参数：{string.Join(' ', args)}\n当前文件夹：{Environment.CurrentDirectory}\n\n{e}\n"));
            return $"详细信息已写入 {path}，报告问题时请附上此文件。";
        }
        catch (Exception logError) when (logError is IOException or UnauthorizedAccessException)
        {
            return "详细信息也未能写入日志文件。";
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
        var (folder, from) = Catalog(catalog);
        if (!Directory.Exists(CatalogLocation.Resolve(folder)))
            throw new UsageException(from is null
                ? $"找不到程序自带的政策目录“{TerminalText.Clean(CatalogLocation.Shipped)}”；用 --catalog 文件夹，或环境变量 {CatalogLocation.EnvironmentVariable}（或 Srdi__Catalog）指定政策目录"
                : $"找不到政策目录“{TerminalText.Clean(CatalogLocation.Resolve(folder))}”（由 {from} 指定）；请检查 --catalog、环境变量 {CatalogLocation.EnvironmentVariable} 和 Srdi__Catalog");
        var settings = new ConfigurationBuilder().AddConfiguration(configuration)
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>($"{SrdiNavigatorOptions.Section}:{nameof(SrdiNavigatorOptions.Catalog)}", folder)])
            .Build();
        provider = new ServiceCollection().AddSrdiNavigator(settings).BuildServiceProvider();
        _providers[catalog ?? ""] = provider;
        return provider;
    }

    /// <summary>The catalog folder and who named it: --catalog, then SRDI_CATALOG, then
    /// Srdi__Catalog (Srdi:Catalog); none of them: the catalog shipped beside the program.</summary>
    private (string? Folder, string? From) Catalog(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option)) return (option, "--catalog");
        if (configuration[CatalogLocation.EnvironmentVariable] is { Length: > 0 } variable && !string.IsNullOrWhiteSpace(variable))
            return (variable, $"环境变量 {CatalogLocation.EnvironmentVariable}");
        if (configuration[$"{SrdiNavigatorOptions.Section}:{nameof(SrdiNavigatorOptions.Catalog)}"] is { } setting && !string.IsNullOrWhiteSpace(setting))
            return (setting, "Srdi__Catalog");
        return (null, null);
    }
}
